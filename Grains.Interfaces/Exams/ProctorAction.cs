namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// A proctor's action on one candidate, recorded with its cause in the irregularity log: <c>pause</c>, <c>resume</c>,
/// <c>extend</c> (by <see cref="Minutes"/>) or <c>submit</c> (force-submit).
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.ProctorAction")]
public sealed record ProctorAction(
    [property: Id(0)] string StudentId,
    [property: Id(1)] string Kind,
    [property: Id(2)] int Minutes,
    [property: Id(3)] string Cause)
{
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Extend = "extend";
    public const string Submit = "submit";

    /// <summary>Sets the student's accommodation to <see cref="Minutes"/>; the author's, not a proctor's, and not logged as an irregularity.</summary>
    public const string Accommodate = "accommodate";

    public static bool IsKnown(string kind) => kind is Pause or Resume or Extend or Submit;
}
