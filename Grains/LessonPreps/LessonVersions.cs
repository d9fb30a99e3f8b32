using Collab.Grains.Interfaces.LessonPreps;
using Collab.Ot;

namespace Collab.Grains.LessonPreps;

/// <summary>Saved versions of a plan: their ids, and the edits that bring a plan back to one. Pure.</summary>
public static class LessonVersions
{
    /// <summary>Names the revision it keeps, unique by a random part (two saves at one revision are two versions).</summary>
    public static string NewId(long revision) => $"v{revision}-{Guid.NewGuid():N}"[..20];

    /// <summary>
    /// One op per section whose text differs from the version's, turning it into the version's text. Sections the
    /// version does not have, or the plan no longer has, are left alone.
    /// </summary>
    public static IReadOnlyList<(string Section, TextOperation Operation)> RestoreEdits(LessonPrepState plan, LessonVersionView version) =>
        version.Sections
            .Select(saved => (Saved: saved, Target: plan.Sections.Find(s => s.Key == saved.Key)))
            .Where(pair => pair.Target is not null && pair.Target.Text != pair.Saved.Text)
            .Select(pair => (pair.Target!.Key, TextDiff.Between(pair.Target.Text, pair.Saved.Text)))
            .ToList();
}
