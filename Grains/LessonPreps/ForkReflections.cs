using Collab.Grains.Interfaces.LessonPreps;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// How a personal copy's after-class reflection (课后反思) reaches its original, and what the copy still owes it: the
/// copy reports its reflection's plain text whenever it differs from the last text the original confirmed; the original
/// keeps the newest report of each copy, by the copy's revision, so a resend or a late report changes nothing. Pure.
/// </summary>
public static class ForkReflections
{
    /// <summary>The most of one reflection the original keeps and shows its group; a longer one is cut, marked with an ellipsis.</summary>
    public const int ShownLength = 10_000;

    /// <summary>A section's plain text: a rich section's string inserts joined, without Quill's closing line breaks.</summary>
    public static string TextOf(LessonSection section) =>
        section.IsRich()
            ? string.Concat(section.RichContent().Ops.Select(op => op.Text)).TrimEnd('\n')
            : section.Text;

    /// <summary>The report a copy owes its original, or null when the original already has this text (or this is no copy).</summary>
    public static ForkReflection? Due(LessonPrepState copy, string copyId, DateTimeOffset at)
    {
        if (copy.ForkedFrom is null || copy.Sections.Find(s => s.Key == LessonPrepLimits.Reflection.Key) is not { } section)
        {
            return null;
        }
        var text = Shown(TextOf(section));
        return text == (copy.ReportedReflection ?? "") ? null : new ForkReflection(copyId, text, copy.Revision, at);
    }

    /// <summary>The original confirmed <paramref name="report"/>: the copy owes nothing until its reflection changes again.</summary>
    public static void Confirmed(LessonPrepState copy, ForkReflection report) => copy.ReportedReflection = report.Text;

    /// <summary>The original's record of the copy a report comes from, if it is one of its copies.</summary>
    public static ForkRecord? CopyOf(LessonPrepState original, ForkReflection report) =>
        original.Forks.Find(f => f.ForkId == report.ForkId);

    /// <summary>Keeps a report on the original; returns the changed record, or null when the report is not newer than the kept one.</summary>
    public static ForkRecord? Keep(LessonPrepState original, ForkReflection report)
    {
        var index = original.Forks.FindIndex(f => f.ForkId == report.ForkId);
        if (index < 0 || report.Revision <= original.Forks[index].ReflectionRevision)
        {
            return null;
        }
        var text = Shown(report.Text);
        original.Forks[index] = original.Forks[index] with
        {
            Reflected = !string.IsNullOrWhiteSpace(text),
            Reflection = text,
            ReflectedAt = report.At,
            ReflectionRevision = report.Revision,
        };
        return original.Forks[index];
    }

    private static string Shown(string text)
    {
        if (text.Length <= ShownLength)
        {
            return text;
        }
        var cut = char.IsHighSurrogate(text[ShownLength - 1]) ? ShownLength - 1 : ShownLength;
        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
