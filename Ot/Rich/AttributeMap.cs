using System.Collections;
using System.Collections.Immutable;

namespace Collab.Ot.Rich;

/// <summary>
/// The formats of one op, keyed by name in ordinal order (so the wire form is canonical), never empty: an op without
/// formats has no map at all (<c>null</c>), as quill-delta's ops have no <c>attributes</c>. A present key with a
/// <see cref="AttributeValue.Null"/> value is not the same as an absent key: in a retain it removes the format.
/// </summary>
/// <remarks>The static functions are quill-delta's <c>AttributeMap</c>, with JavaScript's <c>undefined</c> as an absent key.</remarks>
public sealed class AttributeMap : IReadOnlyDictionary<string, AttributeValue>, IEquatable<AttributeMap>
{
    private readonly ImmutableSortedDictionary<string, AttributeValue> _values;

    private readonly bool _hasNull;

    private AttributeMap(ImmutableSortedDictionary<string, AttributeValue> values)
    {
        _values = values;
        _hasNull = values.Values.Any(value => value.IsNull);
    }

    /// <summary>A map of the pairs, or <c>null</c> when there are none.</summary>
    public static AttributeMap? Of(IEnumerable<KeyValuePair<string, AttributeValue>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var values = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, pairs);
        return values.Count == 0 ? null : new AttributeMap(values);
    }

    public static AttributeMap? Of(params (string Key, AttributeValue Value)[] pairs) =>
        Of(pairs.Select(pair => KeyValuePair.Create(pair.Key, pair.Value)));

    /// <summary>
    /// The formats of <paramref name="b"/> applied over <paramref name="a"/>. Nulls of <paramref name="b"/> survive
    /// only with <paramref name="keepNull"/> (composing onto a retain, where they must still remove the format).
    /// </summary>
    public static AttributeMap? Compose(AttributeMap? a, AttributeMap? b, bool keepNull)
    {
        // Maps are immutable, so the common cases hand back an operand instead of building an equal copy, and the
        // builder's merge then finds equal formats by reference.
        if (b is null)
        {
            return a;
        }
        if (a is null && (keepNull || !b._hasNull))
        {
            return b;
        }
        var result = ImmutableSortedDictionary.CreateBuilder<string, AttributeValue>(StringComparer.Ordinal);
        if (b is not null)
        {
            foreach (var (key, value) in b._values)
            {
                if (keepNull || !value.IsNull)
                {
                    result[key] = value;
                }
            }
        }
        if (a is not null)
        {
            foreach (var (key, value) in a._values)
            {
                if (b is null || !b._values.ContainsKey(key))
                {
                    result[key] = value;
                }
            }
        }
        return Of(result);
    }

    /// <summary>The change that turns formats <paramref name="a"/> into <paramref name="b"/>: a null for each format <paramref name="b"/> lacks.</summary>
    public static AttributeMap? Diff(AttributeMap? a, AttributeMap? b)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var key in KeysOf(a).Concat(KeysOf(b)))
        {
            var inA = TryGet(a, key, out var valueA);
            var inB = TryGet(b, key, out var valueB);
            if (inA != inB || valueA != valueB)
            {
                result[key] = inB ? valueB : AttributeValue.Null;
            }
        }
        return Of(result);
    }

    /// <summary>The change that undoes <paramref name="change"/> made on text formatted <paramref name="baseFormats"/>.</summary>
    public static AttributeMap? Invert(AttributeMap? change, AttributeMap? baseFormats)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var key in KeysOf(baseFormats))
        {
            if (TryGet(change, key, out var changed) && changed != baseFormats![key])
            {
                result[key] = baseFormats[key];
            }
        }
        foreach (var key in KeysOf(change))
        {
            if (!TryGet(baseFormats, key, out _))
            {
                result[key] = AttributeValue.Null;
            }
        }
        return Of(result);
    }

    /// <summary>
    /// Formats <paramref name="b"/> made concurrently with <paramref name="a"/>, to apply after <paramref name="a"/>:
    /// with <paramref name="priority"/> (<paramref name="a"/> happened first) <paramref name="a"/>'s formats win.
    /// </summary>
    public static AttributeMap? Transform(AttributeMap? a, AttributeMap? b, bool priority)
    {
        if (a is null)
        {
            return b;
        }
        if (b is null)
        {
            return null;
        }
        if (!priority)
        {
            return b;
        }
        return Of(b._values.Where(pair => !a._values.ContainsKey(pair.Key)));
    }

    public static bool AreEqual(AttributeMap? a, AttributeMap? b) => a is null ? b is null : a.Equals(b);

    private static IEnumerable<string> KeysOf(AttributeMap? map) => map is null ? [] : map._values.Keys;

    private static bool TryGet(AttributeMap? map, string key, out AttributeValue value)
    {
        value = default;
        return map is not null && map._values.TryGetValue(key, out value);
    }

    public AttributeValue this[string key] => _values[key];

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<AttributeValue> Values => _values.Values;

    public int Count => _values.Count;

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, out AttributeValue value) => _values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, AttributeValue>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(AttributeMap? other) =>
        ReferenceEquals(this, other)
        || other is not null && other._values.Count == _values.Count
        && _values.All(pair => other._values.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public override bool Equals(object? obj) => Equals(obj as AttributeMap);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _values)
        {
            hash.Add(key);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    public override string ToString() =>
        "{" + string.Join(",", _values.Select(pair => $"{System.Text.Json.JsonSerializer.Serialize(pair.Key)}:{pair.Value}")) + "}";
}
