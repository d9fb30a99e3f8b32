namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>The phases of a plan; a finalized plan is read-only.</summary>
public static class LessonPrepPhases
{
    public const string Drafting = "drafting";
    public const string Discussion = "discussion";
    public const string Finalized = "finalized";

    public static bool IsKnown(string? phase) => phase is Drafting or Discussion or Finalized;
}
