using Collab.Ot;
using Collab.Client;
using static Collab.Grains.Tests.LessonPreps.Text.Support.Ops;

namespace Collab.Grains.Tests.LessonPreps.Text;

/// <summary>The client library's OT state machine, case by case (the simulated sessions of PropertyTests cover it at random).</summary>
public sealed class SectionEditorTests
{
    private static OpApplied<TextOperation> Applied(long revision, string clientId, long clientSeq, params object[] wire) =>
        new(revision, "s", Op(wire), clientId == "me" ? "me-user" : "u", clientId, clientSeq);

    [Fact]
    public void One_op_is_in_flight_and_later_edits_are_composed_until_it_is_acknowledged()
    {
        var editor = new SectionEditor("me-user", "me", "s", 4, "春眠");

        var first = editor.Edit(Op(2, "不觉晓"));
        Assert.Equal(new OutgoingOp<TextOperation>("me", 1, "s", 4, Op(2, "不觉晓")), first);
        Assert.Null(editor.Edit(Op(5, "，")));
        Assert.Null(editor.Edit(Op(6, "处处")));
        Assert.Equal("春眠不觉晓，处处", editor.Text);

        var next = editor.Receive(Applied(5, "me", 1, 2, "不觉晓"));
        Assert.Equal(new OutgoingOp<TextOperation>("me", 2, "s", 5, Op(5, "，处处")), next);
        Assert.Null(editor.Receive(Applied(6, "me", 2, 5, "，处处")));
        Assert.True(editor.Idle);
        Assert.Equal(6, editor.Revision);
    }

    [Fact]
    public void Another_clients_op_is_transformed_over_what_is_pending_and_events_are_taken_in_revision_order()
    {
        var editor = new SectionEditor("me-user", "me", "s", 0, "ab");
        editor.Edit(Op(2, "c"));
        editor.Edit(Op("x", 3));

        // Revision 2 arrives before 1: nothing happens until the gap is filled.
        Assert.Null(editor.Receive(Applied(2, "other", 7, "y", 3)));
        Assert.True(editor.Waiting);
        Assert.Equal("xabc", editor.Text);
        Assert.Null(editor.Receive(Applied(1, "other", 6, 1, "-", 1)));

        Assert.False(editor.Waiting);
        Assert.Equal(2, editor.Revision);
        // The server's insert at the same position goes first, as the server orders them.
        Assert.Equal("yxa-bc", editor.Text);
        // The op in flight now applies after both: it was transformed over them.
        Assert.Equal(Op(4, "c"), editor.InFlight!.Operation);
        Assert.Null(editor.Receive(Applied(1, "other", 6, 1, "-", 1)));
    }

    [Fact]
    public void A_resend_keeps_the_client_seq_and_is_made_on_the_current_revision()
    {
        var editor = new SectionEditor("me-user", "me", "s", 0, "ab");
        editor.Edit(Op(2, "!"));
        editor.Receive(Applied(1, "other", 1, "早", 2));
        editor.Receive(new OpApplied<TextOperation>(2, "elsewhere", Op("不相干"), "u", "other", 2));

        var resend = editor.Resend();
        Assert.Equal(new OutgoingOp<TextOperation>("me", 1, "s", 2, Op(3, "!")), resend);
        Assert.Equal("早ab!", editor.Text);
        // Acknowledged once, whichever copy the server applied.
        Assert.Null(editor.Receive(Applied(3, "me", 1, 3, "!")));
        Assert.True(editor.Idle);
        Assert.Null(editor.Resend());
    }

    [Fact]
    public void A_colleagues_op_under_this_clients_id_and_seq_is_transformed_not_taken_as_the_acknowledgement()
    {
        var editor = new SectionEditor("me-user", "me", "s", 0, "ab");
        editor.Edit(Op(2, "c"));

        Assert.Null(editor.Receive(new OpApplied<TextOperation>(1, "s", Op("X", 2), "impostor", "me", 1)));

        Assert.NotNull(editor.InFlight);
        Assert.Equal("Xabc", editor.Text);
        Assert.Null(editor.Receive(new OpApplied<TextOperation>(2, "s", Op(3, "c"), "me-user", "me", 1)));
        Assert.True(editor.Idle);
        Assert.Equal("Xabc", editor.Text);
    }

    [Fact]
    public void An_edit_that_does_not_span_the_text_is_refused_and_changes_nothing()
    {
        var editor = new SectionEditor("me-user", "me", "s", 0, "ab");
        Assert.ThrowsAny<Exception>(() => editor.Edit(Op(3, "x")));
        Assert.Equal("ab", editor.Text);
        Assert.True(editor.Idle);
    }
}
