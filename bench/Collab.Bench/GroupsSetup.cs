namespace Collab.Bench;

/// <summary>Creates the scenario's groups through REST, as a real leader would: tokens, the group, then its members.</summary>
public static class GroupsSetup
{
    public static Task<IReadOnlyList<BenchGroup>> CreateAsync(BenchOptions options, string url, CancellationToken cancellation) =>
        CreateAsync(options.Groups, options.Members, url, cancellation);

    public static async Task<IReadOnlyList<BenchGroup>> CreateAsync(int groupCount, int memberCount, string url, CancellationToken cancellation)
    {
        // A fresh prefix per run: user ids and (clientId, clientSeq) pairs never collide with an earlier run's.
        var run = Guid.NewGuid().ToString("N")[..8];
        using var rest = new SetupClient(url);
        var groups = new BenchGroup[groupCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, groupCount),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellation },
            async (index, token) =>
            {
                var members = new List<BenchMember>(memberCount);
                for (var m = 0; m < memberCount; m++)
                {
                    var userId = $"bench-{run}-g{index}-m{m}";
                    var name = $"老师{index}-{m}";
                    members.Add(new BenchMember(userId, name, await rest.TokenAsync(userId, name, token)));
                }
                var id = await rest.CreateGroupAsync(members[0].Token, $"压测教研组 {run} #{index}", token);
                foreach (var member in members.Skip(1))
                {
                    await rest.AddMemberAsync(members[0].Token, id, member.UserId, member.Name, token);
                }
                groups[index] = new BenchGroup(index, id, members);
            });
        return groups;
    }
}
