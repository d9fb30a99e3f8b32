namespace Collab.Grains.Interfaces.Observations;

public static class NoteVisibility
{
    public const string Public = "public";
    public const string Private = "private";

    public static bool IsKnown(string? visibility) => visibility is Public or Private;
}
