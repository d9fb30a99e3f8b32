using Collab.Ot.Rich;

namespace Collab.Grains.Tests.LessonPreps.Rich.Support;

/// <summary>
/// Seeded generators of rich documents and changes: text of one and two UTF-16 code units, line breaks, Quill's
/// formats (nulls in changes), formulas and images. A change never splits a surrogate pair, as an editor never does.
/// </summary>
internal static class RandomDeltas
{
    private static readonly string[] Characters = ["a", "b", " ", "\n", "中", "课", "😀", "𝒳", "🎉"];

    private static readonly (string Key, AttributeValue Value)[] Formats =
    [
        ("bold", AttributeValue.Of(true)), ("italic", AttributeValue.Of(true)), ("underline", AttributeValue.Of(true)),
        ("color", AttributeValue.Of("#e60000")), ("color", AttributeValue.Of("#0066cc")),
        ("link", AttributeValue.Of("https://example.org/b")), ("header", AttributeValue.Of(1)), ("header", AttributeValue.Of(3)),
        ("list", AttributeValue.Of("ordered")), ("list", AttributeValue.Of("bullet")),
        ("table", AttributeValue.Of("row-1")), ("table", AttributeValue.Of("row-2")),
    ];

    private static readonly Embed[] Embeds = [new("formula", "x^2"), new("formula", "\\sqrt{2}"), new("image", "/api/files/f-2")];

    public static Delta Document(Random random)
    {
        var builder = new DeltaBuilder();
        var count = random.Next(6);
        for (var i = 0; i < count; i++)
        {
            if (random.Next(5) == 0)
            {
                builder.Insert(Embeds[random.Next(Embeds.Length)], Attributes(random, allowNull: false));
            }
            else
            {
                builder.Insert(Text(random, 6), Attributes(random, allowNull: false));
            }
        }
        return builder.Build();
    }

    /// <summary>A change made on <paramref name="document"/>: it may stop short of the end, as Quill's changes do.</summary>
    public static Delta Change(Random random, Delta document)
    {
        var units = Units(document);
        var builder = new DeltaBuilder();
        var at = 0;
        while (at < units.Count || random.Next(3) == 0)
        {
            var choice = random.Next(4);
            if (choice == 0 || at >= units.Count)
            {
                if (random.Next(5) == 0)
                {
                    builder.Insert(Embeds[random.Next(Embeds.Length)], Attributes(random, allowNull: true));
                }
                else
                {
                    builder.Insert(Text(random, 4), Attributes(random, allowNull: true));
                }
                if (at >= units.Count)
                {
                    break;
                }
                continue;
            }
            var take = 1 + random.Next(Math.Min(4, units.Count - at));
            var span = units.Skip(at).Take(take).Sum();
            at += take;
            if (choice == 1)
            {
                builder.Delete(span);
            }
            else
            {
                builder.Retain(span, choice == 2 ? Attributes(random, allowNull: true) : null);
            }
            if (random.Next(6) == 0)
            {
                break;
            }
        }
        return builder.Build();
    }

    /// <summary>The lengths of the document's characters an edit never splits: a surrogate pair is 2, an embed 1.</summary>
    private static List<int> Units(Delta document)
    {
        var units = new List<int>();
        foreach (var op in document.Ops)
        {
            if (op.Text is null)
            {
                units.Add(1);
                continue;
            }
            for (var i = 0; i < op.Text.Length; i += char.IsSurrogatePair(op.Text, i) ? 2 : 1)
            {
                units.Add(char.IsSurrogatePair(op.Text, i) ? 2 : 1);
            }
        }
        return units;
    }

    private static string Text(Random random, int max) =>
        string.Concat(Enumerable.Range(0, 1 + random.Next(max)).Select(_ => Characters[random.Next(Characters.Length)]));

    private static AttributeMap? Attributes(Random random, bool allowNull)
    {
        var pairs = new Dictionary<string, AttributeValue>();
        var count = random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var (key, value) = Formats[random.Next(Formats.Length)];
            pairs[key] = allowNull && random.Next(4) == 0 ? AttributeValue.Null : value;
        }
        return pairs.Count > 0 && random.Next(2) == 0 ? AttributeMap.Of(pairs) : null;
    }
}
