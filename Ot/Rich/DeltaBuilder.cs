namespace Collab.Ot.Rich;

/// <summary>
/// Builds a <see cref="Delta"/> in quill-delta's normal form, the way its <c>push</c> does: adjacent deletes merge,
/// adjacent text inserts and numeric retains with equal formats merge, an insert goes before a delete at the same
/// place, and empty ops are dropped. <see cref="Build"/> chops a trailing plain retain, which changes nothing.
/// </summary>
public sealed class DeltaBuilder
{
    private readonly List<DeltaOp> _ops = [];

    public DeltaBuilder Insert(string text, AttributeMap? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? this : Push(DeltaOp.Insert(text, attributes));
    }

    public DeltaBuilder Insert(Embed embed, AttributeMap? attributes = null) => Push(DeltaOp.Insert(embed, attributes));

    public DeltaBuilder Retain(int length, AttributeMap? attributes = null) =>
        length <= 0 ? this : Push(DeltaOp.Retain(length, attributes));

    public DeltaBuilder Delete(int length) => length <= 0 ? this : Push(DeltaOp.Delete(length));

    /// <exception cref="OtException">Merging makes an op longer than <see cref="Delta.MaxLength"/>.</exception>
    public DeltaBuilder Push(DeltaOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var index = _ops.Count;
        if (index > 0)
        {
            var last = _ops[index - 1];
            if (op.Kind == DeltaOpKind.Delete && last.Kind == DeltaOpKind.Delete)
            {
                _ops[index - 1] = DeltaOp.Delete(Sum(last.Length, op.Length));
                return this;
            }

            // Inserting before or after a delete at one place is the same edit; the normal form inserts first.
            if (last.Kind == DeltaOpKind.Delete && op.Kind == DeltaOpKind.Insert)
            {
                index--;
                if (index == 0)
                {
                    _ops.Insert(0, op);
                    return this;
                }
                last = _ops[index - 1];
            }

            if (AttributeMap.AreEqual(op.Attributes, last.Attributes))
            {
                if (op.Text is not null && last.Text is not null)
                {
                    _ops[index - 1] = DeltaOp.Insert(last.Text + op.Text, op.Attributes);
                    return this;
                }
                if (op.Kind == DeltaOpKind.Retain && last.Kind == DeltaOpKind.Retain)
                {
                    _ops[index - 1] = DeltaOp.Retain(Sum(last.Length, op.Length), op.Attributes);
                    return this;
                }
            }
        }

        _ops.Insert(index, op);
        return this;
    }

    /// <summary>The kind of the last op so far; a retain when there is none.</summary>
    internal DeltaOpKind LastKind => _ops.Count > 0 ? _ops[^1].Kind : DeltaOpKind.Retain;

    /// <summary>
    /// Appends ops of a delta in normal form without looking at them again: the caller knows the first neither merges
    /// with nor goes before the last op so far.
    /// </summary>
    internal void AppendNormalized(ArraySegment<DeltaOp> ops) => _ops.AddRange(ops);

    public Delta Build()
    {
        if (_ops.Count > 0 && _ops[^1] is { Kind: DeltaOpKind.Retain, Attributes: null })
        {
            _ops.RemoveAt(_ops.Count - 1);
        }
        return new Delta([.. _ops]);
    }

    private static int Sum(int a, int b)
    {
        var sum = (long)a + b;
        return sum <= Delta.MaxLength ? (int)sum : throw new OtException($"an op may span at most {Delta.MaxLength} characters");
    }
}
