namespace Collab.Grains.Live;

/// <param name="ResultsPerClient">How many of a client's latest results are kept (commands in flight across a reconnect).</param>
/// <param name="Clients">How many clients a grain remembers; the least recently active is forgotten first.</param>
public sealed record CommandLogLimits(int ResultsPerClient, int Clients);
