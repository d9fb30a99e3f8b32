namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>The <c>reason</c> of <c>session.ended</c> and of a history record.</summary>
public static class SessionEndReasons
{
    public const string Tutor = "tutor";
    public const string Student = "student";
    public const string TimeUp = "time_up";
    public const string NoShow = "no_show";
    public const string Disconnected = "disconnected";
    public const string RoomClosed = "room_closed";
}
