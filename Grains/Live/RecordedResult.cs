namespace Collab.Grains.Live;

[GenerateSerializer, Alias("collab.RecordedResult")]
public sealed class RecordedResult
{
    [Id(0)]
    public long ClientSeq { get; set; }

    [Id(1)]
    public string ResultJson { get; set; } = "";
}
