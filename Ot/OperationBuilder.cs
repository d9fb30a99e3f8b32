using System.Text;

namespace Collab.Ot;

/// <summary>
/// Accumulates components into the canonical form <see cref="TextOperation"/> promises: between two
/// retains there is at most one insert followed by at most one delete. Inserting then deleting at the
/// same place has the same effect as the reverse, so fixing the order makes equal edits compare equal.
/// </summary>
/// <remarks>
/// The pending insert is a <see cref="StringBuilder"/> because compose and transform feed inserts in
/// many small slices; concatenating strings there would be quadratic.
/// </remarks>
internal sealed class OperationBuilder
{
    private readonly List<OpComponent> _components = [];
    private readonly StringBuilder _insert = new();
    private int _retain;
    private int _insertLength;
    private int _delete;
    private int _baseLength;
    private int _targetLength;

    public void Retain(int count)
    {
        if (count == 0)
        {
            return;
        }

        FlushEdit();
        _retain = Add(_retain, count);
        _baseLength = Add(_baseLength, count);
        _targetLength = Add(_targetLength, count);
    }

    public void Delete(int count)
    {
        if (count == 0)
        {
            return;
        }

        FlushRetain();
        _delete = Add(_delete, count);
        _baseLength = Add(_baseLength, count);
    }

    /// <summary>Inserts a UTF-16 range of <paramref name="source"/> that the caller has already measured as <paramref name="length"/> code points.</summary>
    public void Insert(string source, int utf16Start, int utf16Length, int length)
    {
        if (length == 0)
        {
            return;
        }

        FlushRetain();
        _insert.Append(source, utf16Start, utf16Length);
        _insertLength = Add(_insertLength, length);
        _targetLength = Add(_targetLength, length);
    }

    public TextOperation Build()
    {
        FlushRetain();
        FlushEdit();
        return new TextOperation([.. _components], _baseLength, _targetLength);
    }

    private void FlushRetain()
    {
        if (_retain > 0)
        {
            _components.Add(OpComponent.Retain(_retain));
            _retain = 0;
        }
    }

    private void FlushEdit()
    {
        if (_insertLength > 0)
        {
            _components.Add(OpComponent.InsertMeasured(_insert.ToString(), _insertLength));
            _insert.Clear();
            _insertLength = 0;
        }

        if (_delete > 0)
        {
            _components.Add(OpComponent.Delete(_delete));
            _delete = 0;
        }
    }

    private static int Add(int total, int count)
    {
        var sum = (long)total + count;
        return sum <= int.MaxValue
            ? (int)sum
            : throw new OtException($"an operation must not span more than {int.MaxValue} code points");
    }
}
