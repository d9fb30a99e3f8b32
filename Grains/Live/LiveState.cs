namespace Collab.Grains.Live;

/// <summary>What every live grain persists besides its own data: its event window and its command results.</summary>
[GenerateSerializer, Alias("collab.LiveState")]
public abstract class LiveState
{
    [Id(0)]
    public StreamLog Log { get; set; } = new();

    [Id(1)]
    public CommandLog Commands { get; set; } = new();
}
