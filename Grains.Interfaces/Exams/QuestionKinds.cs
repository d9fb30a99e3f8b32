namespace Collab.Grains.Interfaces.Exams;

/// <summary>The five question kinds of PROTOCOL §5.</summary>
public static class QuestionKinds
{
    public const string Single = "single";
    public const string Multiple = "multiple";
    public const string TrueFalse = "truefalse";
    public const string Fill = "fill";
    public const string Short = "short";

    public static bool IsKnown(string kind) => kind is Single or Multiple or TrueFalse or Fill or Short;

    /// <summary>Kinds graded by the server at submission; <see cref="Short"/> is marked by teachers.</summary>
    public static bool IsObjective(string kind) => kind is not Short;
}
