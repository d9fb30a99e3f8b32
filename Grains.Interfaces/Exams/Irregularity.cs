namespace Collab.Grains.Interfaces.Exams;

/// <summary>One entry of an exam's irregularity log (考场记录): who did what to which candidate, when and why.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.Irregularity")]
public sealed record Irregularity(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string StudentId,
    [property: Id(2)] string Kind,
    [property: Id(3)] int Minutes,
    [property: Id(4)] string Cause,
    [property: Id(5)] string ByUserId)
{
    /// <summary>A focus loss the student's browser reported; the attempt keeps these, the exam's log the proctors' actions.</summary>
    public const string FocusLost = "focus";

    /// <summary>PROTOCOL §7's name of <see cref="ByUserId"/>.</summary>
    public string By => ByUserId;

    /// <summary>PROTOCOL §7's name of <see cref="Cause"/>.</summary>
    public string Reason => Cause;
}
