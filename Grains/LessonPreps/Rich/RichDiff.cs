using Collab.Ot.Rich;

namespace Collab.Grains.LessonPreps.Rich;

/// <summary>
/// The change that turns one rich document into another, keeping the runs they share at their beginning and end, so a
/// restore leaves comment anchors and colleagues' carets in untouched paragraphs where they were.
/// </summary>
public static class RichDiff
{
    public static Delta Between(Delta from, Delta to)
    {
        var a = from.Ops;
        var b = to.Ops;
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix].Equals(b[prefix]))
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix].Equals(b[b.Count - 1 - suffix]))
        {
            suffix++;
        }
        var builder = new DeltaBuilder()
            .Retain(a.Take(prefix).Sum(op => op.Length))
            .Delete(a.Skip(prefix).Take(a.Count - prefix - suffix).Sum(op => op.Length));
        foreach (var op in b.Skip(prefix).Take(b.Count - prefix - suffix))
        {
            builder.Push(op);
        }
        return builder.Build();
    }
}
