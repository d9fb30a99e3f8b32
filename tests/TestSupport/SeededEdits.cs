using Collab.Ot;

namespace Collab.TestSupport;

/// <summary>Random small edits for co-editing tests: deterministic for a seed, always spanning the text they are made on.</summary>
public static class SeededEdits
{
    private static readonly string[] Alphabet = ["学", "生", "a", "b", " ", "😀", "，"];

    /// <summary>An insert of one to three characters, or (on a text long enough) a delete of up to three.</summary>
    public static TextOperation Next(Random random, string text)
    {
        var length = CodePoints.Count(text);
        var position = random.Next(length + 1);
        var components = new List<OpComponent>();
        if (position > 0)
        {
            components.Add(OpComponent.Retain(position));
        }
        var remaining = length - position;
        if (remaining > 0 && random.Next(3) == 0)
        {
            var deleted = random.Next(1, Math.Min(3, remaining) + 1);
            components.Add(OpComponent.Delete(deleted));
            remaining -= deleted;
        }
        else
        {
            components.Add(OpComponent.Insert(string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Alphabet[random.Next(Alphabet.Length)]))));
        }
        if (remaining > 0)
        {
            components.Add(OpComponent.Retain(remaining));
        }
        return TextOperation.Create(components);
    }
}
