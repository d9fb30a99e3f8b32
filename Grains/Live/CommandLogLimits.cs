namespace Collab.Grains.Live;

/// <param name="ResultsPerClient">How many of a client's latest results are kept (commands in flight across a reconnect).</param>
/// <param name="ClientsPerUser">How many client ids of one user are remembered; that user's least recently active goes first,
/// so one user's flood of fresh client ids forgets only their own results.</param>
/// <param name="Users">How many users a grain remembers commands of; the least recently active is forgotten first.</param>
public sealed record CommandLogLimits(int ResultsPerClient, int ClientsPerUser, int Users);
