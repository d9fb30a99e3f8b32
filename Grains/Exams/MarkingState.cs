using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

[GenerateSerializer, Alias("collab.exams.MarkingState")]
public sealed class MarkingState
{
    [Id(0)]
    public MarkingPolicy Policy { get; set; } = MarkingPolicy.Default;

    [Id(1)]
    public Dictionary<string, MarkingItem> Items { get; set; } = [];
}
