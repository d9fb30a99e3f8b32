namespace Collab.Grains.Interfaces.Homework;

/// <summary>Open takes submissions until the due time; closed (by the due reminder or the first call after it) takes none.</summary>
public static class HomeworkStatuses
{
    public const string Open = "open";
    public const string Closed = "closed";
}
