namespace Collab.Grains.LessonPreps;

/// <summary>
/// The append-only log of a plan's ops in a project-owned table (DESIGN §4: a keystroke never rewrites the document).
/// </summary>
public interface ILessonOpLog
{
    /// <summary>
    /// Makes a batch of ops durable together (one statement in one transaction): either every row is committed when
    /// the task completes, or none is.
    /// </summary>
    Task AppendAsync(IReadOnlyList<LessonOpRow> rows);

    /// <summary>The plan's rows with a revision after <paramref name="afterRevision"/>, oldest first.</summary>
    Task<IReadOnlyList<LessonOpRow>> ReadAfterRevisionAsync(string planId, long afterRevision);

    /// <summary>
    /// Deletes at most <paramref name="maxRows"/> of the plan's oldest rows with a revision up to
    /// <paramref name="throughRevision"/>; returns how many went.
    /// </summary>
    Task<int> PruneAsync(string planId, long throughRevision, int maxRows);
}
