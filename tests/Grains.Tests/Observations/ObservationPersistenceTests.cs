using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Observations;
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

    [Fact]
    public async Task A_note_is_an_event_log_row_and_after_reactivation_notes_private_ones_and_resends_come_back_from_the_rows()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        var stream = $"observations/{grain.GetPrimaryKeyString()}";
        // A first note also lists its author among the observers, so it is written with the grain; later ones are rows only.
        await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 1), "导入自然", null, NoteVisibility.Public);
        await grain.AddNoteAsync(scenario.ObserverB, new CommandId("b", 1), "板书清楚", null, NoteVisibility.Public);
        var seqBefore = (await grain.JoinAsync(scenario.ObserverA)).Seq;
        var results = new List<NoteAdded>();
        for (var i = 2; i <= 4; i++)
        {
            results.Add(await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", i), $"私 {i}", null, NoteVisibility.Private));
            results.Add(await grain.AddNoteAsync(scenario.ObserverB, new CommandId("b", i), $"公 {i}", null, NoteVisibility.Public));
        }

        Assert.Equal(Enumerable.Range((int)seqBefore + 1, 6).Select(i => (long)i), fixture.LiveEvents.Seqs(stream));
        // The test cluster snapshots every 5 rows: the snapshot has seven notes, and of its window only the events that are not rows.
        var stored = StoredState(grain);
        Assert.Equal(7, stored.Notes.Count);
        Assert.Equal(seqBefore + 5, stored.Log.Seq);
        Assert.DoesNotContain(stored.Log.Events, e => e.Seq > seqBefore);
        Assert.Equal(2, stored.Log.Events.Count(e => e.Type == "note.added"));
        var syncA = await grain.SyncAsync(scenario.ObserverA, seqBefore);
        var syncB = await grain.SyncAsync(scenario.ObserverB, seqBefore);
        var notesA = Snapshot(await grain.JoinAsync(scenario.ObserverA)).GetProperty("notes").GetRawText();

        await fixture.DeactivateAllAsync();

        Assert.Equal(notesA, Snapshot(await grain.JoinAsync(scenario.ObserverA)).GetProperty("notes").GetRawText());
        Assert.Equal(5, Snapshot(await grain.JoinAsync(scenario.ObserverB)).GetProperty("notes").GetArrayLength());
        Assert.Equal(syncA.Events, (await grain.SyncAsync(scenario.ObserverA, seqBefore)).Events);
        Assert.Equal(syncB.Events, (await grain.SyncAsync(scenario.ObserverB, seqBefore)).Events);
        Assert.Equal(3, syncB.Events.Count);
        Assert.Equal(results[2], await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 3), "私 3", null, NoteVisibility.Private));
        Assert.Equal(results[5], await grain.AddNoteAsync(scenario.ObserverB, new CommandId("b", 4), "公 4", null, NoteVisibility.Public));
        Assert.Equal("n9", (await grain.AddNoteAsync(scenario.ObserverB, new CommandId("b", 5), "公 5", null, NoteVisibility.Public)).NoteId);
    }

    private ObservationState StoredState(IObservationGrain grain)
    {
        ObservationState? stored = null;
        fixture.Storage.Edit<ObservationState>("observation", grain.GetGrainId(), state => stored = state);
        return stored!;
    }
}
