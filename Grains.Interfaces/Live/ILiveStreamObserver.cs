using Orleans.Concurrency;

namespace Collab.Grains.Interfaces.Live;

/// <summary>Implemented once per API node and stream; the grain pushes every event of the stream to it.</summary>
[Alias("collab.ILiveStreamObserver")]
public interface ILiveStreamObserver : IGrainObserver
{
    [OneWay, Alias("OnEvent")]
    Task OnEventAsync(EventEnvelope envelope);
}
