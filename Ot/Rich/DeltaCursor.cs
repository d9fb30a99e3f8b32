namespace Collab.Ot.Rich;

/// <summary>
/// Walks the ops of a delta piece by piece, as quill-delta's <c>OpIterator</c>: past the last op it yields plain
/// retains without end, because a delta leaves the rest of the document as it is.
/// </summary>
internal sealed class DeltaCursor(DeltaOp[] ops)
{
    private int _index;
    private int _offset;

    public bool HasNext => _index < ops.Length;

    /// <summary>What is left of the current op; <see cref="int.MaxValue"/> (quill-delta's <c>Infinity</c>) past the end.</summary>
    public int PeekLength => HasNext ? ops[_index].Length - _offset : int.MaxValue;

    public DeltaOpKind PeekKind => HasNext ? ops[_index].Kind : DeltaOpKind.Retain;

    public AttributeMap? PeekAttributes => HasNext ? ops[_index].Attributes : null;

    /// <summary>The whole ops left after the current one, which <see cref="Next"/> must have finished or not begun.</summary>
    public ArraySegment<DeltaOp> TakeRest()
    {
        var rest = Remaining(_index, ops.Length - _index);
        _index = ops.Length;
        _offset = 0;
        return rest;
    }

    /// <summary>Takes the whole inserts from here on whose lengths add up to at most <paramref name="length"/>.</summary>
    public (ArraySegment<DeltaOp> Ops, int Length) TakeInsertsWithin(int length)
    {
        if (_offset != 0)
        {
            return (ArraySegment<DeltaOp>.Empty, 0);
        }
        var start = _index;
        var taken = 0;
        while (_index < ops.Length && ops[_index].Kind == DeltaOpKind.Insert && ops[_index].Length <= length - taken)
        {
            taken += ops[_index++].Length;
        }
        return (Remaining(start, _index - start), taken);
    }

    private ArraySegment<DeltaOp> Remaining(int start, int count) => new(ops, start, count);

    /// <summary>Takes up to <paramref name="length"/> of the current op (an embed only whole), or the rest of it.</summary>
    public DeltaOp Next(int length = int.MaxValue)
    {
        if (!HasNext)
        {
            return DeltaOp.Retain(length);
        }
        var op = ops[_index];
        var offset = _offset;
        if (length >= op.Length - offset)
        {
            length = op.Length - offset;
            _index++;
            _offset = 0;
        }
        else
        {
            _offset += length;
        }
        return op.Slice(offset, length);
    }
}
