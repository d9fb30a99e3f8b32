namespace Collab.Grains.Interfaces.Homework;

/// <summary>Bounds of one homework, in characters and counts; beyond them a request is refused with <c>too_large</c>.</summary>
public static class HomeworkLimits
{
    public const int Classes = 30;
    public const int Questions = 100;
    public const int TitleLength = 100;
    public const int SubjectLength = 50;

    /// <summary>The longest a homework may stay open.</summary>
    public static readonly TimeSpan LongestOpen = TimeSpan.FromDays(90);
}
