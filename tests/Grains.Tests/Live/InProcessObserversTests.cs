using Collab.Grains.Interfaces.Live;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.Live;

[Collection(ClusterCollection.Name)]
public sealed class InProcessObserversTests(ClusterFixture fixture)
{
    private sealed class NullObserver : ILiveStreamObserver
    {
        public Task OnEventAsync(EventEnvelope envelope) => Task.CompletedTask;
    }

    [Fact]
    public void A_reference_created_here_resolves_to_its_object_until_it_is_removed()
    {
        var observers = new InProcessObservers();
        var local = new NullObserver();
        var reference = fixture.Cluster.Client.CreateObjectReference<ILiveStreamObserver>(local);
        try
        {
            observers.Add(reference, local);
            Assert.Same(local, observers.Resolve(reference));

            observers.Remove(reference);
            Assert.Same(reference, observers.Resolve(reference));
        }
        finally
        {
            fixture.Cluster.Client.DeleteObjectReference<ILiveStreamObserver>(reference);
        }
    }

    [Fact]
    public void A_reference_of_another_process_resolves_to_itself()
    {
        var here = new InProcessObservers();
        var elsewhere = new NullObserver();
        var reference = fixture.Cluster.Client.CreateObjectReference<ILiveStreamObserver>(elsewhere);
        var other = fixture.Cluster.Client.CreateObjectReference<ILiveStreamObserver>(new NullObserver());
        try
        {
            here.Add(other, new NullObserver());
            Assert.Same(reference, here.Resolve(reference));
        }
        finally
        {
            fixture.Cluster.Client.DeleteObjectReference<ILiveStreamObserver>(reference);
            fixture.Cluster.Client.DeleteObjectReference<ILiveStreamObserver>(other);
        }
    }

    [Fact]
    public void Only_an_observer_reference_can_be_added()
    {
        Assert.Throws<ArgumentException>(() => new InProcessObservers().Add(new NullObserver(), new NullObserver()));
    }
}
