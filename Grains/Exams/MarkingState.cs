using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

[GenerateSerializer, Alias("collab.exams.MarkingState")]
public sealed class MarkingState
{
    /// <summary>A fresh instance per state: the JSON grain storage fills existing objects in place when it reads.</summary>
    [Id(0)]
    public MarkingPolicy Policy { get; set; } = new(MarkingPolicy.SingleMode, 0);

    [Id(1)]
    public Dictionary<string, MarkingItem> Items { get; set; } = [];
}
