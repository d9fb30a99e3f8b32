namespace Collab.Grains.Interfaces.Classrooms;

public static class ClassroomStatuses
{
    public const string Scheduled = "scheduled";
    public const string Live = "live";
    public const string Ended = "ended";
}
