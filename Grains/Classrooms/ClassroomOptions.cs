namespace Collab.Grains.Classrooms;

/// <summary>Pacing of a classroom, bound from <c>Collab:Classrooms</c>.</summary>
public sealed class ClassroomOptions
{
    public const string Section = "Collab:Classrooms";

    /// <summary>
    /// The least time between two <c>tally.updated</c> events of one classroom; answers in between are folded into the
    /// next. Half a second keeps the host within a second of the last answer.
    /// </summary>
    public TimeSpan TallyInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
