using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Live;

/// <summary>
/// The results of the latest commands of each client, persisted in the same write as the change they made, so a
/// resend (same clientId and clientSeq) after a reconnect or a reactivation gets the first answer and changes nothing.
/// </summary>
[GenerateSerializer, Alias("collab.CommandLog")]
public sealed class CommandLog
{
    [Id(0)]
    public Dictionary<string, ClientCommands> Clients { get; set; } = [];

    /// <summary>The recorded result of this command, or null when it is new.</summary>
    /// <exception cref="CollabException">conflict: the command is older than the retained window, so it cannot be told apart.</exception>
    public string? Find(CommandId id)
    {
        if (!Clients.TryGetValue(id.ClientId, out var client))
        {
            return null;
        }
        var recorded = client.Results.Find(r => r.ClientSeq == id.ClientSeq);
        if (recorded is not null)
        {
            return recorded.ResultJson;
        }
        if (client.Results.Count > 0 && id.ClientSeq < client.Results[0].ClientSeq && client.Truncated)
        {
            throw CollabException.Conflict($"clientSeq {id.ClientSeq} of client {id.ClientId} is older than the commands this server still remembers");
        }
        return null;
    }

    public void Record(CommandId id, string resultJson, DateTimeOffset at, CommandLogLimits limits)
    {
        if (!Clients.TryGetValue(id.ClientId, out var client))
        {
            client = new ClientCommands();
            Clients[id.ClientId] = client;
        }
        client.LastUsedAt = at;
        var position = client.Results.FindLastIndex(r => r.ClientSeq < id.ClientSeq) + 1;
        client.Results.Insert(position, new RecordedResult { ClientSeq = id.ClientSeq, ResultJson = resultJson });
        if (client.Results.Count > limits.ResultsPerClient)
        {
            client.Results.RemoveRange(0, client.Results.Count - limits.ResultsPerClient);
            client.Truncated = true;
        }
        if (Clients.Count > limits.Clients)
        {
            var oldest = Clients.MinBy(pair => pair.Value.LastUsedAt).Key;
            Clients.Remove(oldest);
        }
    }
}
