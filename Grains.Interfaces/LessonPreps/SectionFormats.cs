namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>A section's format (PROTOCOL §9), fixed when the plan is made: plain text edited by text ops, or a Quill Delta.</summary>
public static class SectionFormats
{
    public const string Text = "text";
    public const string Rich = "rich";

    public static bool IsKnown(string? format) => format is Text or Rich;
}
