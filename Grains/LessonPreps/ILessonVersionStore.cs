using Collab.Grains.Interfaces.LessonPreps;

namespace Collab.Grains.LessonPreps;

/// <summary>Named versions of plans in a project-owned table, so the plan's own state does not grow with each of them.</summary>
public interface ILessonVersionStore
{
    /// <summary>Writes a version once; completes only once it is committed.</summary>
    Task SaveAsync(string planId, LessonVersionView version);

    /// <summary>The plan's versions, oldest first.</summary>
    Task<IReadOnlyList<LessonVersionSummary>> ListAsync(string planId);

    Task<LessonVersionView?> GetAsync(string planId, string versionId);
}
