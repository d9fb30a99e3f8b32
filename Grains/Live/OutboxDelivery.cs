namespace Collab.Grains.Live;

/// <summary>One thing an <see cref="Outbox"/> sends.</summary>
/// <param name="Owed">Whether it is still owed, by the grain's state.</param>
/// <param name="SendAsync">Sends it, then records it sent in the grain's state.</param>
public sealed record OutboxDelivery(Func<bool> Owed, Func<Task> SendAsync);
