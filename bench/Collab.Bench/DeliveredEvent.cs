namespace Collab.Bench;

/// <summary>The parts of an <c>Event</c> envelope the scenario reads; the rest of the payload is skipped.</summary>
public sealed record DeliveredEvent(string? Type, long Seq, DeliveredMessage? Data);
