using Collab.Client;
using Collab.Ot;

namespace Collab.Grains.Tests.LessonPreps.Text.Support;

/// <summary>The plainest OT server of one section: every applied op kept, a late op transformed through all since its base.</summary>
internal sealed class ReferenceServer(string text)
{
    public const string Section = "s";

    private readonly List<TextOperation> _history = [];

    public string Text { get; private set; } = text;

    public OpApplied<TextOperation> Receive(OutgoingOp<TextOperation> op, string userId)
    {
        var rebased = TextOperation.TransformAgainst(op.Operation, _history.Skip((int)op.BaseRevision));
        Text = rebased.Apply(Text);
        _history.Add(rebased);
        return new OpApplied<TextOperation>(_history.Count, Section, rebased, userId, op.ClientId, op.ClientSeq);
    }
}
