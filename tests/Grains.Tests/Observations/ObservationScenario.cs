using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Observations;

namespace Collab.Grains.Tests.Observations;

/// <summary>
/// A fresh group for each test: a leader, the teacher to be observed, two observers from other counties, and an
/// outsider; plus the calls the observation tests share.
/// </summary>
public sealed class ObservationScenario
{
    private readonly IGrainFactory _grains;

    private ObservationScenario(IGrainFactory grains, string suffix)
    {
        _grains = grains;
        Leader = new($"ob-leader-{suffix}", "组长张老师", Roles.Teacher, "一中", "东城区");
        Teacher = new($"ob-teacher-{suffix}", "王老师", Roles.Teacher, "一中", "东城区");
        ObserverA = new($"ob-a-{suffix}", "李老师", Roles.Teacher, "二中", "西城区");
        ObserverB = new($"ob-b-{suffix}", "赵老师", Roles.Teacher, "三中", "南山县");
        Outsider = new($"ob-out-{suffix}", "钱老师", Roles.Teacher, "四中", "北湖区");
    }

    public Caller Leader { get; }
    public Caller Teacher { get; }
    public Caller ObserverA { get; }
    public Caller ObserverB { get; }
    public Caller Outsider { get; }
    public string GroupId { get; private set; } = "";

    public IGroupGrain Group => _grains.GetGrain<IGroupGrain>(GroupId);

    public static async Task<ObservationScenario> NewAsync(IGrainFactory grains)
    {
        var scenario = new ObservationScenario(grains, Guid.NewGuid().ToString("N")[..10]);
        scenario.GroupId = $"g-{Guid.NewGuid():N}";
        await scenario.Group.CreateAsync(scenario.Leader, new CreateGroup("初中数学教研组", "math", "7", null));
        foreach (var member in new[] { scenario.Teacher, scenario.ObserverA, scenario.ObserverB })
        {
            await scenario.Group.AddMemberAsync(scenario.Leader, new NewMember(member.UserId, member.Name, member.School, member.County));
        }
        return scenario;
    }

    public IObservationGrain NewGrain() => _grains.GetGrain<IObservationGrain>($"ob-{Guid.NewGuid():N}");

    public CreateObservation Command(Rubric? rubric = null, string title = "《一元一次方程》公开课") =>
        new(title, Teacher.UserId, "数学", "七年级", new DateTimeOffset(2026, 11, 24, 1, 30, 0, TimeSpan.Zero), rubric);

    public async Task<IObservationGrain> ScheduledAsync(Rubric? rubric = null)
    {
        var grain = NewGrain();
        await grain.CreateAsync(Leader, GroupId, Command(rubric));
        return grain;
    }

    public async Task<IObservationGrain> LiveAsync(Rubric? rubric = null)
    {
        var grain = await ScheduledAsync(rubric);
        await grain.StartAsync(Teacher);
        return grain;
    }

    public static Dictionary<string, int> Uniform(int score, Rubric? rubric = null) =>
        (rubric ?? DefaultRubric.Create()).Dimensions.ToDictionary(d => d.Key, _ => score);

    public static JsonElement Snapshot(JoinResult joined) => JsonDocument.Parse(joined.SnapshotJson).RootElement;

    public static JsonElement Data(EventEnvelope envelope) => JsonDocument.Parse(envelope.DataJson).RootElement;

    public static async Task<CollabException> Refused(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<CollabException>(call);
        Assert.Equal(code, error.Code);
        return error;
    }

    /// <summary>Waits, with a timeout, until the caller's Sync shows an event the predicate accepts (a grain timer sends some events).</summary>
    public static async Task<EventEnvelope> WaitForEventAsync(IObservationGrain grain, Caller caller, long afterSeq, Func<EventEnvelope, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = (await grain.SyncAsync(caller, afterSeq)).Events.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }
}
