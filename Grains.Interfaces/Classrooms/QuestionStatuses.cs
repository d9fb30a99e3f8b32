namespace Collab.Grains.Interfaces.Classrooms;

/// <summary>A pushed question is open to answers until closed; its key reaches students only once revealed.</summary>
public static class QuestionStatuses
{
    public const string Open = "open";
    public const string Closed = "closed";
    public const string Revealed = "revealed";
}
