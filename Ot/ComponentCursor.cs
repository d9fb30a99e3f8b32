namespace Collab.Ot;

/// <summary>
/// Walks an operation's components while letting the caller consume each one in pieces, which is
/// how compose and transform line up two operations whose components have different boundaries.
/// </summary>
internal sealed class ComponentCursor(OpComponent[] components)
{
    private int _index;
    private int _used;

    // Kept alongside _used so slicing an insert resumes where the last slice ended instead of
    // rescanning the text from its start, which would make long inserts quadratic.
    private int _usedUtf16;

    public bool HasCurrent => _index < components.Length;

    public OpKind Kind => components[_index].Kind;

    public int Remaining => components[_index].Length - _used;

    /// <summary>Consumes <paramref name="count"/> code points of the current component, copying inserted text to <paramref name="insertInto"/> when given.</summary>
    public void Take(int count, OperationBuilder? insertInto = null)
    {
        var component = components[_index];
        if (component.Kind == OpKind.Insert)
        {
            var end = CodePoints.Advance(component.Text, _usedUtf16, count);
            insertInto?.Insert(component.Text, _usedUtf16, end - _usedUtf16, count);
            _usedUtf16 = end;
        }

        _used += count;
        if (_used == component.Length)
        {
            _index++;
            _used = 0;
            _usedUtf16 = 0;
        }
    }

    /// <summary>Consumes the rest of the current component.</summary>
    public int TakeAll(OperationBuilder? insertInto = null)
    {
        var count = Remaining;
        Take(count, insertInto);
        return count;
    }
}
