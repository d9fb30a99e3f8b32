namespace Collab.Ot.Rich;

/// <summary>
/// Walks the ops of a delta piece by piece, as quill-delta's <c>OpIterator</c>: past the last op it yields plain
/// retains without end, because a delta leaves the rest of the document as it is.
/// </summary>
internal sealed class DeltaCursor(IReadOnlyList<DeltaOp> ops)
{
    private int _index;
    private int _offset;

    public bool HasNext => _index < ops.Count;

    /// <summary>What is left of the current op; <see cref="int.MaxValue"/> (quill-delta's <c>Infinity</c>) past the end.</summary>
    public int PeekLength => HasNext ? ops[_index].Length - _offset : int.MaxValue;

    public DeltaOpKind PeekKind => HasNext ? ops[_index].Kind : DeltaOpKind.Retain;

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
