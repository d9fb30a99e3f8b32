using System.Text;
using Collab.Ot;

namespace Collab.Grains.LessonPreps;

/// <summary>The op that turns one text into another, keeping their common beginning and end (in code points).</summary>
public static class TextDiff
{
    public static TextOperation Between(string from, string to)
    {
        var a = from.EnumerateRunes().ToArray();
        var b = to.EnumerateRunes().ToArray();
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var components = new List<OpComponent>();
        if (prefix > 0)
        {
            components.Add(OpComponent.Retain(prefix));
        }
        var inserted = new StringBuilder();
        foreach (var rune in b[prefix..(b.Length - suffix)])
        {
            inserted.Append(rune.ToString());
        }
        if (inserted.Length > 0)
        {
            components.Add(OpComponent.Insert(inserted.ToString()));
        }
        if (a.Length - prefix - suffix > 0)
        {
            components.Add(OpComponent.Delete(a.Length - prefix - suffix));
        }
        if (suffix > 0)
        {
            components.Add(OpComponent.Retain(suffix));
        }
        return TextOperation.Create(components);
    }
}
