namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// How short answers are marked: <c>single</c> (one marker's points stand) or <c>double</c> (two markers; their mean
/// when they differ by at most <see cref="Tolerance"/>, else a third marker, else the group head arbitrates).
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.MarkingPolicy")]
public sealed record MarkingPolicy(
    [property: Id(0)] string Mode,
    [property: Id(1)] decimal Tolerance)
{
    public const string SingleMode = "single";
    public const string DoubleMode = "double";

    /// <summary>A new instance each time: the JSON grain storage may fill an existing one in place when it reads.</summary>
    public static MarkingPolicy Default => new(SingleMode, 0);
}
