using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;

namespace Collab.Ot;

/// <summary>
/// An immutable edit of a whole plain text: its components walk the text from start to end, so the
/// retains and deletes together cover exactly <see cref="BaseLength"/> code points.
/// </summary>
/// <remarks>
/// Always held in canonical form (see <see cref="OperationBuilder"/>), which is what makes value
/// equality meaningful: two operations are equal exactly when they have the same components.
/// </remarks>
public sealed class TextOperation : IEquatable<TextOperation>
{
    private readonly OpComponent[] _components;

    internal TextOperation(OpComponent[] components, int baseLength, int targetLength)
    {
        _components = components;
        BaseLength = baseLength;
        TargetLength = targetLength;
        Components = new ReadOnlyCollection<OpComponent>(components);
    }

    public IReadOnlyList<OpComponent> Components { get; }

    /// <summary>Code points the text must have before the operation.</summary>
    public int BaseLength { get; }

    /// <summary>Code points the text has after the operation.</summary>
    public int TargetLength { get; }

    /// <summary>Builds an operation from components in any arrangement; the result is normalised.</summary>
    public static TextOperation Create(IEnumerable<OpComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var builder = new OperationBuilder();
        foreach (var component in components)
        {
            switch (component.Kind)
            {
                case OpKind.Retain when component.Length > 0:
                    builder.Retain(component.Length);
                    break;
                case OpKind.Delete when component.Length > 0:
                    builder.Delete(component.Length);
                    break;
                case OpKind.Insert when component.Length > 0:
                    builder.Insert(component.Text, 0, component.Text.Length, component.Length);
                    break;
                default:
                    throw new OtException("a component must be made by OpComponent.Retain, Delete or Insert");
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// Reads the wire form: a JSON array of non-zero 32-bit integers (positive retains, negative
    /// deletes) and strings (inserts). Empty strings are dropped because they change nothing.
    /// </summary>
    /// <exception cref="OtException">The array holds anything else, or spans more than <see cref="int.MaxValue"/> code points.</exception>
    public static TextOperation Parse(JsonElement wire) => Wire.Read(wire);

    /// <summary>
    /// Reads the wire form already split into values: <see cref="int"/>, <see cref="long"/> within
    /// the 32-bit range, <see cref="string"/>, or <see cref="JsonElement"/> (what System.Text.Json
    /// produces for <c>object</c>), with the same rules as <see cref="Parse(JsonElement)"/>.
    /// </summary>
    public static TextOperation Parse(IReadOnlyList<object?> wire) => Wire.Read(wire);

    /// <summary>The wire form: boxed <see cref="int"/> for retains (positive) and deletes (negative), <see cref="string"/> for inserts.</summary>
    public List<object> ToWire()
    {
        var wire = new List<object>(_components.Length);
        foreach (var component in _components)
        {
            wire.Add(component.Kind switch
            {
                OpKind.Retain => component.Length,
                OpKind.Delete => -component.Length,
                _ => component.Text,
            });
        }

        return wire;
    }

    /// <exception cref="OtException"><paramref name="text"/> is not <see cref="BaseLength"/> code points long.</exception>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = CodePoints.Count(text);
        if (length != BaseLength)
        {
            throw new OtException($"the operation expects a text of {BaseLength} code points, but the text has {length}");
        }

        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var component in _components)
        {
            switch (component.Kind)
            {
                case OpKind.Retain:
                    var end = CodePoints.Advance(text, at, component.Length);
                    result.Append(text, at, end - at);
                    at = end;
                    break;
                case OpKind.Delete:
                    at = CodePoints.Advance(text, at, component.Length);
                    break;
                default:
                    result.Append(component.Text);
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>One operation with the effect of <paramref name="first"/> followed by <paramref name="second"/>.</summary>
    /// <exception cref="OtException"><paramref name="second"/> does not start from the text <paramref name="first"/> produces.</exception>
    public static TextOperation Compose(TextOperation first, TextOperation second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.TargetLength != second.BaseLength)
        {
            throw new OtException(
                $"cannot compose: the first operation produces {first.TargetLength} code points but the second expects {second.BaseLength}");
        }

        var result = new OperationBuilder();
        var a = new ComponentCursor(first._components);
        var b = new ComponentCursor(second._components);
        while (a.HasCurrent || b.HasCurrent)
        {
            // Text the second inserts and text the first deleted never meet the other operation.
            if (b.HasCurrent && b.Kind == OpKind.Insert)
            {
                b.TakeAll(result);
                continue;
            }

            if (a.HasCurrent && a.Kind == OpKind.Delete)
            {
                result.Delete(a.TakeAll());
                continue;
            }

            // The lengths match, so both now stand on the same code points of the intermediate text.
            var count = Math.Min(a.Remaining, b.Remaining);
            switch ((a.Kind, b.Kind))
            {
                case (OpKind.Retain, OpKind.Retain):
                    result.Retain(count);
                    a.Take(count);
                    break;
                case (OpKind.Retain, _):
                    result.Delete(count);
                    a.Take(count);
                    break;
                case (_, OpKind.Retain):
                    a.Take(count, result);
                    break;
                default:
                    // Inserted by the first, deleted by the second: it never reaches the result.
                    a.Take(count);
                    break;
            }

            b.Take(count);
        }

        return result.Build();
    }

    /// <summary>
    /// Transforms two concurrent operations on the same text so that each can follow the other:
    /// <c>second.Apply(first.Apply(s))</c> is reached by applying <c>SecondPrime</c> after
    /// <paramref name="first"/>, and the same text by applying <c>FirstPrime</c> after
    /// <paramref name="second"/>.
    /// </summary>
    /// <remarks>
    /// Tie-break: <paramref name="first"/> is the operation the server applied first. When both insert
    /// at the same position, the text of <paramref name="first"/> ends up before the text of
    /// <paramref name="second"/>, so an op already in the server's history keeps its place and an
    /// incoming insert at the same position lands after it. Clients must pass the server's operation
    /// as <paramref name="first"/> and their own pending operation as <paramref name="second"/> so
    /// they break ties the same way.
    /// </remarks>
    /// <exception cref="OtException">The operations do not start from texts of the same length.</exception>
    public static (TextOperation FirstPrime, TextOperation SecondPrime) Transform(TextOperation first, TextOperation second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.BaseLength != second.BaseLength)
        {
            throw new OtException(
                $"cannot transform: the operations expect texts of {first.BaseLength} and {second.BaseLength} code points");
        }

        var firstPrime = new OperationBuilder();
        var secondPrime = new OperationBuilder();
        var a = new ComponentCursor(first._components);
        var b = new ComponentCursor(second._components);
        while (a.HasCurrent || b.HasCurrent)
        {
            // Checking the first's insert before the second's is the tie-break.
            if (a.HasCurrent && a.Kind == OpKind.Insert)
            {
                secondPrime.Retain(a.TakeAll(firstPrime));
                continue;
            }

            if (b.HasCurrent && b.Kind == OpKind.Insert)
            {
                firstPrime.Retain(b.TakeAll(secondPrime));
                continue;
            }

            var count = Math.Min(a.Remaining, b.Remaining);
            switch ((a.Kind, b.Kind))
            {
                case (OpKind.Retain, OpKind.Retain):
                    firstPrime.Retain(count);
                    secondPrime.Retain(count);
                    break;
                case (OpKind.Delete, OpKind.Retain):
                    firstPrime.Delete(count);
                    break;
                case (OpKind.Retain, OpKind.Delete):
                    secondPrime.Delete(count);
                    break;
                default:
                    // Both deleted the same text; neither has anything left to do there.
                    break;
            }

            a.Take(count);
            b.Take(count);
        }

        return (firstPrime.Build(), secondPrime.Build());
    }

    /// <summary>
    /// Rebases an operation a client made on an old revision onto the current one, by transforming it
    /// through each operation the server has applied since, oldest first.
    /// </summary>
    /// <remarks>Each applied operation wins ties against <paramref name="incoming"/>; see <see cref="Transform"/>.</remarks>
    /// <exception cref="OtException">The applied operations do not chain from the text <paramref name="incoming"/> was made on.</exception>
    public static TextOperation TransformAgainst(TextOperation incoming, IEnumerable<TextOperation> applied)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(applied);
        foreach (var operation in applied)
        {
            incoming = Transform(operation, incoming).SecondPrime;
        }

        return incoming;
    }

    /// <summary>
    /// Moves a position (a cursor, or one end of a comment anchor) through an operation so it keeps
    /// pointing at the same place in the text. A position inside deleted text moves to where the
    /// deletion was.
    /// </summary>
    /// <param name="followInsert">
    /// When text is inserted exactly at the position: <c>true</c> moves the position after the inserted
    /// text (the author's cursor, or the start of an anchor that should not grow), <c>false</c> keeps it
    /// before (the end of an anchor that should not grow).
    /// </param>
    /// <exception cref="OtException"><paramref name="position"/> is outside 0..<see cref="BaseLength"/>.</exception>
    public static int TransformIndex(int position, TextOperation operation, bool followInsert = false)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (position < 0 || position > operation.BaseLength)
        {
            throw new OtException($"position {position} is outside a text of {operation.BaseLength} code points");
        }

        var moved = position;
        var at = 0;
        foreach (var component in operation._components)
        {
            if (at > position)
            {
                break;
            }

            switch (component.Kind)
            {
                case OpKind.Retain:
                    at += component.Length;
                    break;
                case OpKind.Delete:
                    moved -= Math.Min(component.Length, position - at);
                    at += component.Length;
                    break;
                default:
                    if (at < position || followInsert)
                    {
                        moved += component.Length;
                    }

                    break;
            }
        }

        return moved;
    }

    public bool Equals(TextOperation? other) =>
        other is not null && _components.AsSpan().SequenceEqual(other._components);

    public override bool Equals(object? obj) => Equals(obj as TextOperation);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var component in _components)
        {
            hash.Add(component);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(TextOperation? left, TextOperation? right) => Equals(left, right);

    public static bool operator !=(TextOperation? left, TextOperation? right) => !Equals(left, right);

    /// <summary>The wire form as JSON, for logs and test failures.</summary>
    public override string ToString() => $"[{string.Join(",", _components)}]";
}
