namespace Collab.Grains.Exams;

/// <summary>One submitted short answer in a marking queue, known by its attempt reference; the student id never leaves the grain.</summary>
[GenerateSerializer, Alias("collab.exams.MarkingItem")]
public sealed class MarkingItem
{
    [Id(0)]
    public string StudentId { get; set; } = "";

    [Id(1)]
    public List<MarkEntry> Marks { get; set; } = [];

    [Id(2)]
    public decimal? Arbitration { get; set; }

    [Id(3)]
    public decimal? Final { get; set; }

    [Id(4)]
    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>Who gave <see cref="Arbitration"/>, and when, for the audit log.</summary>
    [Id(5)]
    public string? ArbitratedBy { get; set; }

    [Id(6)]
    public DateTimeOffset? ArbitratedAt { get; set; }
}
