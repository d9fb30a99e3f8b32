using Collab.Grains.Interfaces.Common;
using Collab.Grains.LessonPreps;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>A plan's versions over a version store: saved as the plan stands, counted, listed, read back.</summary>
public sealed class LessonVersionStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_saved_version_keeps_the_sections_as_they_stood_and_is_listed_and_read_back()
    {
        var store = new InMemoryLessonVersionStore();
        var versions = new LessonVersions(store, "lp-1");
        var plan = new LessonPrepState { Revision = 7, Sections = [new LessonSection { Key = "objectives", Title = "教学目标", Text = "理解" }] };

        var summary = await versions.SaveAsync(plan, "初稿", "t1", At);
        plan.Sections[0].Text = "改了";

        Assert.Equal((7L, "初稿", "t1", At), (summary.Revision, summary.Label, summary.CreatedBy, summary.CreatedAt));
        Assert.Equal(1, await versions.CountAsync());
        Assert.Equal([summary.VersionId], (await versions.ListAsync()).Select(v => v.VersionId));
        Assert.Equal("理解", (await versions.GetAsync(summary.VersionId)).Sections.Single().Text);
        Assert.Equal(0, await new LessonVersions(store, "lp-2").CountAsync());
    }

    [Fact]
    public async Task An_unknown_version_is_not_found()
    {
        var versions = new LessonVersions(new InMemoryLessonVersionStore(), "lp-1");

        var error = await Assert.ThrowsAsync<CollabException>(() => versions.GetAsync("v0-nothing"));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
    }
}
