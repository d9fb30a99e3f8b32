using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps.Rich;
using Collab.Ot.Rich;

namespace Collab.Grains.LessonPreps;

/// <summary>A plan's saved versions in their store, and the edits that bring the plan back to one.</summary>
public sealed class LessonVersions(ILessonVersionStore store, string planId)
{
    public async Task<int> CountAsync() => (await store.ListAsync(planId)).Count;

    public Task<IReadOnlyList<LessonVersionSummary>> ListAsync() => store.ListAsync(planId);

    public async Task<LessonVersionView> GetAsync(string versionId) =>
        await store.GetAsync(planId, versionId) ?? throw CollabException.NotFound($"version {versionId} of lesson plan {planId}");

    /// <summary>Keeps the plan's sections as they stand; stored when it returns.</summary>
    public async Task<LessonVersionSummary> SaveAsync(LessonPrepState plan, string label, string userId, DateTimeOffset at)
    {
        var summary = new LessonVersionSummary(NewId(plan.Revision), label, plan.Revision, userId, at);
        await store.SaveAsync(planId, new LessonVersionView(summary, LessonPrepViews.Sections(plan)));
        return summary;
    }

    /// <summary>Names the revision it keeps, unique by a random part (two saves at one revision are two versions).</summary>
    public static string NewId(long revision) => $"v{revision}-{Guid.NewGuid():N}"[..20];

    /// <summary>
    /// One op per section whose content differs from the version's, turning it into the version's content. Sections
    /// the version does not have, or has in another format, or the plan no longer has, are left alone.
    /// </summary>
    public static IReadOnlyList<(string Section, SectionChange Change)> RestoreEdits(LessonPrepState plan, LessonVersionView version) =>
        version.Sections
            .Select(saved => (Saved: saved, Target: plan.Sections.Find(s => s.Key == saved.Key)))
            .Where(pair => pair.Target is not null && pair.Target.IsRich() == pair.Saved.IsRich)
            .Select(pair => (pair.Target!.Key, Change: RestoreEdit(pair.Target!, pair.Saved)))
            .Where(pair => pair.Change is not null)
            .Select(pair => (pair.Key, pair.Change!))
            .ToList();

    private static SectionChange? RestoreEdit(LessonSection current, LessonSectionView saved)
    {
        if (!current.IsRich())
        {
            return current.Text == saved.Text ? null : new PlainSectionChange(TextDiff.Between(current.Text, saved.Text));
        }
        var target = Delta.Parse(saved.Content ?? LessonSection.EmptyRichContent);
        // Replacing the whole content keeps formats exactly as saved; a colleague's concurrent edit transforms past it.
        return target == current.RichContent() ? null : new RichSectionChange(RichDiff.Between(current.RichContent(), target));
    }
}
