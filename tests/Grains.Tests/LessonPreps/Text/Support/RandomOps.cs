using Collab.Ot;
namespace Collab.Grains.Tests.LessonPreps.Text.Support;

/// <summary>Seeded generators of texts and operations that mix ASCII, Chinese and astral-plane emoji.</summary>
internal static class RandomOps
{
    private static readonly string[] Alphabet =
    [
        "a", "b", "c", "x", " ", "\n",
        "中", "文", "课", "程", "你", "好",
        "😀", "👍", "🎉", "🏽", "𝒳",
    ];

    public static string Text(Random random, int maxLength)
    {
        var length = random.Next(maxLength + 1);
        return string.Concat(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]));
    }

    /// <summary>
    /// Random components spanning <paramref name="text"/>, deliberately unnormalised (adjacent
    /// components of the same kind, deletes before inserts) so generation also exercises normalisation.
    /// </summary>
    public static List<OpComponent> Components(Random random, string text)
    {
        var remaining = CodePoints.Count(text);
        var components = new List<OpComponent>();
        while (remaining > 0 || random.Next(4) == 0)
        {
            var roll = random.Next(10);
            if (roll < 3 || remaining == 0)
            {
                components.Add(OpComponent.Insert(Text(random, 4) is { Length: > 0 } inserted ? inserted : "z"));
                if (remaining == 0)
                {
                    break;
                }
            }
            else
            {
                var count = random.Next(1, Math.Min(remaining, 5) + 1);
                components.Add(roll < 7 ? OpComponent.Retain(count) : OpComponent.Delete(count));
                remaining -= count;
            }
        }

        return components;
    }

    public static TextOperation Operation(Random random, string text) => TextOperation.Create(Components(random, text));
}
