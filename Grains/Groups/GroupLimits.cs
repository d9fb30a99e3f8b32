namespace Collab.Grains.Groups;

/// <summary>Bounds of a group, in characters (UTF-16 code units) and counts.</summary>
public static class GroupLimits
{
    public const int NameLength = 100;
    public const int ShortFieldLength = 50;
    public const int DescriptionLength = 2000;
    public const int MessageLength = 2000;
    public const int FeedKept = 50;
    public const int Members = 500;
    public const int PendingJoinRequests = 200;
    public const int SessionsKept = 200;
}
