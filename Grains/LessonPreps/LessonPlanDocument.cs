using System.Text;
using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Ot;

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
    /// Transforms an op made on <paramref name="baseRevision"/> to the current text of its section and applies it. A
    /// refused op (stale, not spanning the text, too long a result) changes nothing.
    /// </summary>
    public AppliedOp Receive(string? sectionKey, long baseRevision, TextOperation operation)
    {
        var section = Section(sectionKey);
        var rebased = Rebase(section, baseRevision, operation);
        if (rebased.TargetLength > LessonPrepLimits.SectionCodePoints)
        {
            throw CollabException.TooLarge($"a section holds at most {LessonPrepLimits.SectionCodePoints} characters");
        }
        Apply(section, plan.Revision + 1, rebased);
        _recent.Add(plan.Revision, section.Key, rebased);
        return new AppliedOp(section.Key, plan.Revision, rebased);
    }

    /// <summary>Re-applies an op the log holds but the snapshot does not, exactly as <see cref="Receive"/> applied it.</summary>
    public void Replay(string sectionKey, long revision, TextOperation operation)
    {
        var section = plan.Sections.Find(s => s.Key == sectionKey)
            ?? throw new InvalidOperationException($"op of revision {revision} names unknown section {sectionKey}");
        Apply(section, revision, operation);
    }

    /// <summary>Puts an applied op back into the transform window (rows read at activation, replayed or not).</summary>
    public void Remember(long revision, string sectionKey, TextOperation operation) => _recent.Add(revision, sectionKey, operation);

    public static TextOperation ParseSubmitted(string? opsJson)
    {
        if (opsJson is null)
        {
            throw CollabException.Invalid("ops are required");
        }
        if (Encoding.UTF8.GetByteCount(opsJson) > LessonPrepLimits.OpsJsonBytes)
        {
            throw CollabException.TooLarge($"ops are at most {LessonPrepLimits.OpsJsonBytes} bytes of JSON");
        }
        try
        {
            using var document = JsonDocument.Parse(opsJson);
            return TextOperation.Parse(document.RootElement);
        }
        catch (JsonException)
        {
            throw CollabException.Invalid("ops must be a JSON array");
        }
        catch (OtException error)
        {
            throw CollabException.Invalid($"malformed ops: {error.Message}");
        }
    }

    public static TextOperation ParseStored(string opsJson)
    {
        using var document = JsonDocument.Parse(opsJson);
        return TextOperation.Parse(document.RootElement);
    }

    private void Apply(LessonSection section, long revision, TextOperation operation)
    {
        section.Text = operation.Apply(section.Text);
        MoveComments(section.Key, operation);
        plan.Revision = revision;
    }

    private TextOperation Rebase(LessonSection section, long baseRevision, TextOperation operation)
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
        TextOperation rebased;
        try
        {
            rebased = TextOperation.TransformAgainst(operation, _recent.After(baseRevision, section.Key));
        }
        catch (OtException)
        {
            throw DoesNotSpan(section, baseRevision);
        }
        // Transform checks lengths only against concurrent ops; an op with none must match the current text itself.
        if (rebased.BaseLength != CodePoints.Count(section.Text))
        {
            throw DoesNotSpan(section, baseRevision);
        }
        return rebased;
    }

    private static CollabException DoesNotSpan(LessonSection section, long baseRevision) =>
        CollabException.Invalid($"the ops do not span the text of section {section.Key} as of revision {baseRevision}");

    /// <summary>Moves the anchors of a section's comments through an op; a range whose text was deleted collapses.</summary>
    private void MoveComments(string sectionKey, TextOperation operation)
    {
        foreach (var comment in plan.Comments.Where(c => c.Section == sectionKey))
        {
            comment.Start = TextOperation.TransformIndex(comment.Start, operation, followInsert: true);
            comment.End = Math.Max(comment.Start, TextOperation.TransformIndex(comment.End, operation, followInsert: false));
        }
    }
}

/// <summary>An op as the document applied it: transformed to the text it was applied to, and the revision it made.</summary>
public sealed record AppliedOp(string Section, long Revision, TextOperation Operation);
