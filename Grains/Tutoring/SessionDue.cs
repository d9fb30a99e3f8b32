namespace Collab.Grains.Tutoring;

/// <summary>What a running session's deadlines call for at a given moment.</summary>
public enum SessionDue
{
    Nothing,
    Warning,
    TimeUp,
    NoShow,
    Disconnected,
}
