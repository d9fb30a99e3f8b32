namespace Collab.Grains.Live;

/// <summary>One user's recent commands, by the client id of each of their tabs or devices.</summary>
[GenerateSerializer, Alias("collab.UserCommands")]
public sealed class UserCommands
{
    [Id(0)]
    public Dictionary<string, ClientCommands> Clients { get; set; } = [];

    [Id(1)]
    public DateTimeOffset LastUsedAt { get; set; }
}
