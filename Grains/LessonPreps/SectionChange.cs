using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps.Events;
using Collab.Grains.Live;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// One op on one section, in that section's format: text ops (ot.js) for a text section, a Quill Delta for a rich one.
/// The document transforms, applies and logs ops through this, so the op path is one for both formats.
/// </summary>
public abstract class SectionChange
{
    /// <summary>Reads a client's op for <paramref name="section"/>, checking what it says on its own.</summary>
    /// <exception cref="CollabException"><c>invalid_argument</c> or <c>too_large</c>.</exception>
    public static SectionChange Submitted(LessonSection section, string? json) =>
        section.IsRich() ? RichSectionChange.Submitted(json) : PlainSectionChange.Submitted(json);

    /// <summary>Reads an op as the op log stored it, already checked and transformed.</summary>
    public static SectionChange Stored(LessonSection section, string json) =>
        section.IsRich() ? RichSectionChange.Stored(json) : PlainSectionChange.Stored(json);

    /// <summary>This op made concurrently with <paramref name="applied"/> (oldest first), rewritten to follow them.</summary>
    /// <exception cref="CollabException"><c>invalid_argument</c>: it does not span the text it was made on.</exception>
    public abstract SectionChange TransformPast(IEnumerable<SectionChange> applied, Func<CollabException> doesNotSpan);

    /// <summary>Applies the op to the section it fits, checking it spans the content and the result's limits.</summary>
    /// <exception cref="CollabException"><c>invalid_argument</c> or <c>too_large</c>; the section is then unchanged.</exception>
    public abstract void ApplyTo(LessonSection section, Func<CollabException> doesNotSpan);

    /// <summary>Replays an op the log holds, exactly as it was applied.</summary>
    public abstract void ReplayOn(LessonSection section);

    /// <summary>Moves a comment's range with the op; a range whose text was deleted collapses.</summary>
    public abstract (int Start, int End) Move(int start, int end);

    /// <summary>The op as the op log stores it.</summary>
    public abstract string ToJson();

    /// <summary>The <c>op.applied</c> event of this op (<c>ops</c> for text, <c>delta</c> for rich).</summary>
    public abstract OpAppliedEvent Applied(long revision, string section, CommandKey command);
}
