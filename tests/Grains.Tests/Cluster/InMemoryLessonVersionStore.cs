using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;

namespace Collab.Grains.Tests.Cluster;

/// <summary>The version store of the test cluster; the SQL one is tested against SQLite and PostgreSQL in Silo.Tests.</summary>
public sealed class InMemoryLessonVersionStore : ILessonVersionStore
{
    private readonly List<(string PlanId, LessonVersionView Version)> _versions = [];

    public Task SaveAsync(string planId, LessonVersionView version)
    {
        lock (_versions)
        {
            _versions.Add((planId, version));
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LessonVersionSummary>> ListAsync(string planId)
    {
        lock (_versions)
        {
            IReadOnlyList<LessonVersionSummary> list = _versions.Where(v => v.PlanId == planId).Select(v => v.Version.Version).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<LessonVersionView?> GetAsync(string planId, string versionId)
    {
        lock (_versions)
        {
            return Task.FromResult(_versions.Where(v => v.PlanId == planId && v.Version.Version.VersionId == versionId)
                .Select(v => (LessonVersionView?)v.Version).FirstOrDefault());
        }
    }
}
