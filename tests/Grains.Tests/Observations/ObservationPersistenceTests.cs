using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Tests.Cluster;
using static Collab.Grains.Tests.Observations.ObservationScenario;

namespace Collab.Grains.Tests.Observations;

[Collection(ClusterCollection.Name)]
public sealed class ObservationPersistenceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Notes_ratings_rubric_and_seq_survive_deactivation_and_resent_commands_are_recognised()
    {
        var scenario = await NewAsync(fixture.Grains);
        var custom = new Rubric([new("design", "教学设计", 55), new("delivery", "课堂实施", 45)]);
        var grain = await scenario.LiveAsync(custom);
        var note = await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 1), "私：提问面窄", null, NoteVisibility.Private);
        var rating = await grain.RateAsync(scenario.ObserverB, new CommandId("b", 1), new Dictionary<string, int> { ["design"] = 4, ["delivery"] = 3 }, "扎实");
        var before = await grain.JoinAsync(scenario.ObserverA);

        await fixture.DeactivateAllAsync();

        var after = await grain.JoinAsync(scenario.ObserverA);
        Assert.Equal(before.Seq, after.Seq);
        var snapshot = Snapshot(after);
        Assert.Equal("live", snapshot.GetProperty("status").GetString());
        Assert.Equal(["design", "delivery"], snapshot.GetProperty("rubric").GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("key").GetString()));
        Assert.Equal("私：提问面窄", snapshot.GetProperty("notes")[0].GetProperty("text").GetString());
        Assert.Equal(1, snapshot.GetProperty("aggregate").GetProperty("count").GetInt32());
        Assert.Equal(0, Snapshot(await grain.JoinAsync(scenario.ObserverB)).GetProperty("notes").GetArrayLength());

        Assert.Equal(note, await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 1), "私：提问面窄", null, NoteVisibility.Private));
        Assert.Equal(rating, await grain.RateAsync(scenario.ObserverB, new CommandId("b", 1), new Dictionary<string, int> { ["design"] = 4, ["delivery"] = 3 }, "扎实"));
        var next = await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 2), "公：总结到位", null, NoteVisibility.Public);
        Assert.Equal("n2", next.NoteId);
    }
}
