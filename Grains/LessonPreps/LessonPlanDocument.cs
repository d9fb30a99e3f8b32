using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// The text of a lesson plan as an OT server, in the shape of ot.js's <c>Server</c>: it receives an op made on some
/// revision, transforms it through the ops applied to its section since, applies it, and returns it as applied. It
/// also keeps the comment anchors moving with the text. Pure: the grain stores, acknowledges and broadcasts around it.
/// </summary>
public sealed class LessonPlanDocument(LessonPrepState plan, int window)
{
    /// <summary>The latest applied ops, the window a late op is transformed against; refilled from the op log at activation.</summary>
    private readonly RecentOps _recent = new(window);

    public long Revision => plan.Revision;

    public LessonSection Section(string? key) =>
        plan.Sections.Find(s => s.Key == key) ?? throw CollabException.Invalid($"the lesson plan has no section '{key}'");

    /// <summary>
    /// Transforms an op made on <paramref name="baseRevision"/> to the current content of its section and applies it.
    /// A refused op (stale, not spanning the content, too long a result, a format a rich section refuses) changes
    /// nothing.
    /// </summary>
    public AppliedOp Receive(string? sectionKey, long baseRevision, SectionChange change)
    {
        var section = Section(sectionKey);
        var rebased = Rebase(section, baseRevision, change);
        rebased.ApplyTo(section, () => DoesNotSpan(section, baseRevision));
        Applied(section, plan.Revision + 1, rebased);
        _recent.Add(plan.Revision, section.Key, rebased);
        return new AppliedOp(section.Key, plan.Revision, rebased);
    }

    /// <summary>Reads a client's op for a section in that section's format.</summary>
    public SectionChange ParseSubmitted(string? sectionKey, string? json) => SectionChange.Submitted(Section(sectionKey), json);

    /// <summary>Reads an op-log row's op; the section a row names always exists (sections are fixed when a plan is made).</summary>
    public SectionChange ParseStored(string sectionKey, long revision, string json) => SectionChange.Stored(Logged(sectionKey, revision), json);

    /// <summary>Re-applies an op the log holds but the snapshot does not, exactly as <see cref="Receive"/> applied it.</summary>
    public void Replay(string sectionKey, long revision, SectionChange change)
    {
        var section = Logged(sectionKey, revision);
        change.ReplayOn(section);
        Applied(section, revision, change);
    }

    /// <summary>Puts an applied op back into the transform window (rows read at activation, replayed or not).</summary>
    public void Remember(long revision, string sectionKey, SectionChange change) => _recent.Add(revision, sectionKey, change);

    private LessonSection Logged(string sectionKey, long revision) =>
        plan.Sections.Find(s => s.Key == sectionKey)
            ?? throw new InvalidOperationException($"op of revision {revision} names unknown section {sectionKey}");

    private void Applied(LessonSection section, long revision, SectionChange change)
    {
        foreach (var comment in plan.Comments.Where(c => c.Section == section.Key))
        {
            (comment.Start, comment.End) = change.Move(comment.Start, comment.End);
        }
        plan.Revision = revision;
    }

    private SectionChange Rebase(LessonSection section, long baseRevision, SectionChange change)
    {
        if (baseRevision < 0 || baseRevision > plan.Revision)
        {
            throw CollabException.Invalid($"baseRevision must lie within 0..{plan.Revision}");
        }
        if (baseRevision < plan.Revision && (_recent.OldestRevision is not { } oldest || oldest > baseRevision + 1))
        {
            throw new CollabException(ErrorCodes.StaleRevision,
                $"revision {baseRevision} is older than the server retains; join again to get the current text");
        }
        return change.TransformPast(_recent.After(baseRevision, section.Key), () => DoesNotSpan(section, baseRevision));
    }

    private static CollabException DoesNotSpan(LessonSection section, long baseRevision) =>
        CollabException.Invalid($"the ops do not span the text of section {section.Key} as of revision {baseRevision}");
}

/// <summary>An op as the document applied it: transformed to the text it was applied to, and the revision it made.</summary>
public sealed record AppliedOp(string Section, long Revision, SectionChange Change);
