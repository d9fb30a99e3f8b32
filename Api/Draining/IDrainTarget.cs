namespace Collab.Api.Draining;

/// <summary>Something holding client connections that must be told this node is going away (one per hub).</summary>
public interface IDrainTarget
{
    Task AnnounceAsync(object message, CancellationToken cancellationToken);
}
