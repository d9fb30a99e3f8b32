namespace Collab.Bench;

/// <summary>One group of the scenario: its members (the first is the leader and the poster) and its posting schedule.</summary>
public sealed class BenchGroup(int index, string id, IReadOnlyList<BenchMember> members)
{
    public int Index => index;
    public string Id => id;
    public IReadOnlyList<BenchMember> Members => members;
    public BenchMember Poster => members[0];

    /// <summary>Stopwatch timestamp at which post 0 is due; post k is due <c>k</c> intervals later.</summary>
    public long ScheduleStart { get; set; }
}
