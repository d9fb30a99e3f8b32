namespace Collab.Grains.LessonPreps;

/// <summary>
/// The append-only log of a plan's ops in a project-owned table (DESIGN §4: a keystroke never rewrites the document).
/// </summary>
public interface ILessonOpLog
{
    /// <summary>Makes one op durable; completes only once the row is committed.</summary>
    Task AppendAsync(LessonOpRow row);

    /// <summary>The plan's rows with a revision after <paramref name="afterRevision"/>, oldest first.</summary>
    Task<IReadOnlyList<LessonOpRow>> ReadAfterRevisionAsync(string planId, long afterRevision);
}
