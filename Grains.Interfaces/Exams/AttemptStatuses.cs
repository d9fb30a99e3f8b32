namespace Collab.Grains.Interfaces.Exams;

/// <summary>A candidate's state as the proctor sees it.</summary>
public static class AttemptStatuses
{
    public const string Absent = "absent";
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Submitted = "submitted";
}
