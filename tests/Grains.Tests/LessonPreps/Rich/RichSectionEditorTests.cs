using Collab.Client;
using Collab.Grains.Tests.LessonPreps.Rich.Support;
using Collab.Grains.Tests.LessonPreps.Text.Support;
using Collab.Ot.Rich;

namespace Collab.Grains.Tests.LessonPreps.Rich;

/// <summary>
/// The client library's rich editor (<see cref="RichSectionEditor"/>) against a server that transforms as PROTOCOL §9
/// says (<c>applied.Transform(incoming, true)</c> for every change applied since the incoming one's base).
/// </summary>
public sealed class RichSectionEditorTests
{
    private const string Section = "process";

    [Fact]
    public void Editors_and_server_converge_despite_reordered_events_and_resends()
    {
        var random = new Random(2301);
        for (var run = 0; run < 1_000; run++)
        {
            var server = new Server(RandomDeltas.Document(random));
            var session = new SimulatedSession<Delta, Delta>(
                Enumerable.Range(0, 3).Select(i => new RichSectionEditor($"u{i}", $"c{i}", Section, 0, server.Document)), server.Receive,
                RandomDeltas.Change);
            for (var step = 0; step < 40; step++)
            {
                session.Step(random);
            }

            session.Drain();
            foreach (var client in session.Clients)
            {
                Assert.True(server.Document == client.Editor.Content, $"run {run}: {client.Editor.ClientId} has {client.Editor.Content}, the server {server.Document}");
                Assert.True(client.Editor.Idle, $"run {run}");
            }
        }
    }

    [Fact]
    public void A_colleagues_insert_at_the_same_place_goes_first_as_the_server_applied_it_first()
    {
        var editor = new RichSectionEditor("me-user", "me", Section, 0, Doc("ab"));
        var mine = editor.Edit(Change(1, "X"));
        Assert.Equal(new OutgoingOp<Delta>("me", 1, Section, 0, Change(1, "X")), mine);

        editor.Receive(new OpApplied<Delta>(1, Section, Change(1, "Y"), "colleague", "c", 1));

        Assert.Equal(Doc("aYXb"), editor.Content);
        Assert.Equal(Change(2, "X"), editor.InFlight!.Operation);
    }

    [Fact]
    public void The_acknowledgement_sends_the_edits_composed_meanwhile_as_one_change()
    {
        var editor = new RichSectionEditor("me-user", "me", Section, 0, Doc("ab"));
        editor.Edit(Change(2, "c"));
        Assert.Null(editor.Edit(Change(3, "d")));
        Assert.Null(editor.Edit(Delta.Create([DeltaOp.Retain(1, Bold())])));

        var next = editor.Receive(new OpApplied<Delta>(1, Section, Change(2, "c"), "me-user", "me", 1));

        Assert.Equal(new OutgoingOp<Delta>("me", 2, Section, 1, Delta.Create([DeltaOp.Retain(1, Bold()), DeltaOp.Retain(2), DeltaOp.Insert("d")])), next);
        Assert.Equal(Delta.Create([DeltaOp.Insert("a", Bold()), DeltaOp.Insert("bcd")]), editor.Content);
    }

    private static Delta Doc(string text) => Delta.Create([DeltaOp.Insert(text)]);

    private static Delta Change(int retain, string insert) => Delta.Create([DeltaOp.Retain(retain), DeltaOp.Insert(insert)]);

    private static AttributeMap? Bold() => AttributeMap.Of(("bold", AttributeValue.Of(true)));

    /// <summary>Every applied change kept; a late one transformed through all applied since its base, the applied first.</summary>
    private sealed class Server(Delta document)
    {
        private readonly List<Delta> _history = [];

        public Delta Document { get; private set; } = document;

        public OpApplied<Delta> Receive(OutgoingOp<Delta> op, string userId)
        {
            var rebased = _history.Skip((int)op.BaseRevision).Aggregate(op.Operation, (incoming, applied) => applied.Transform(incoming, priority: true));
            Document = Document.Compose(rebased);
            _history.Add(rebased);
            return new OpApplied<Delta>(_history.Count, Section, rebased, userId, op.ClientId, op.ClientSeq);
        }
    }
}
