namespace Collab.Grains.Live;

[GenerateSerializer, Alias("collab.ClientCommands")]
public sealed class ClientCommands
{
    [Id(0)]
    public List<RecordedResult> Results { get; set; } = [];

    [Id(1)]
    public DateTimeOffset LastUsedAt { get; set; }

    [Id(2)]
    public bool Truncated { get; set; }
}
