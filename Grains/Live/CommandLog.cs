using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Live;

/// <summary>
/// The results of the latest commands of each user's clients, persisted in the same write as the change they made, so
/// a resend (same user, clientId and clientSeq) after a reconnect or a reactivation gets the first answer and changes
/// nothing. Keyed by user first: client ids are visible to every member of a stream.
/// </summary>
[GenerateSerializer, Alias("collab.CommandLog")]
public sealed class CommandLog
{
    // Id 0 held the log keyed by client id alone; a state written before per-user keys loads with it empty.
    [Id(1)]
    public Dictionary<string, UserCommands> Users { get; set; } = [];

    /// <summary>The recorded result of this command, or null when it is new.</summary>
    /// <exception cref="CollabException">conflict: the command is older than the retained window, so it cannot be told apart.</exception>
    public string? Find(CommandKey key)
    {
        if (!Users.TryGetValue(key.UserId, out var user) || !user.Clients.TryGetValue(key.ClientId, out var client))
        {
            return null;
        }
        var recorded = client.Results.Find(r => r.ClientSeq == key.ClientSeq);
        if (recorded is not null)
        {
            return recorded.ResultJson;
        }
        if (client.Results.Count > 0 && key.ClientSeq < client.Results[0].ClientSeq && client.Truncated)
        {
            throw CollabException.Conflict($"clientSeq {key.ClientSeq} of client {key.ClientId} is older than the commands this server still remembers");
        }
        return null;
    }

    public void Record(CommandKey key, string resultJson, DateTimeOffset at, CommandLogLimits limits)
    {
        if (!Users.TryGetValue(key.UserId, out var user))
        {
            user = new UserCommands();
            Users[key.UserId] = user;
        }
        if (!user.Clients.TryGetValue(key.ClientId, out var client))
        {
            client = new ClientCommands();
            user.Clients[key.ClientId] = client;
        }
        user.LastUsedAt = at;
        client.LastUsedAt = at;
        var position = client.Results.FindLastIndex(r => r.ClientSeq < key.ClientSeq) + 1;
        client.Results.Insert(position, new RecordedResult { ClientSeq = key.ClientSeq, ResultJson = resultJson });
        if (client.Results.Count > limits.ResultsPerClient)
        {
            client.Results.RemoveRange(0, client.Results.Count - limits.ResultsPerClient);
            client.Truncated = true;
        }
        if (user.Clients.Count > limits.ClientsPerUser)
        {
            user.Clients.Remove(LeastRecentlyUsed(user.Clients, c => c.LastUsedAt, key.ClientId));
        }
        if (Users.Count > limits.Users)
        {
            Users.Remove(LeastRecentlyUsed(Users, u => u.LastUsedAt, key.UserId));
        }
    }

    /// <summary>The entry to forget: never the one just recorded, even when clocks tie.</summary>
    private static string LeastRecentlyUsed<T>(Dictionary<string, T> entries, Func<T, DateTimeOffset> lastUsed, string keep) =>
        entries.Where(pair => pair.Key != keep).MinBy(pair => lastUsed(pair.Value)).Key;
}
