namespace Collab.Grains.Exams;

/// <summary>Bounds of what proctors write during an exam.</summary>
public static class ProctoringLimits
{
    public const int AnnouncementLength = 500;
    public const int Announcements = 200;
    public const int CauseLength = 500;
    public const int Irregularities = 20000;
    public const int ExtensionMinutesMax = 120;

    /// <summary>Focus losses an attempt keeps the time of; its count goes on beyond.</summary>
    public const int FocusLossesKept = 100;
}
