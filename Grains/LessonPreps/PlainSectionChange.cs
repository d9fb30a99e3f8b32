using System.Text;
using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps.Events;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Live;
using Collab.Ot;

namespace Collab.Grains.LessonPreps;

/// <summary>A text section's op: retains and deletes in code points and inserted strings (ot.js's TextOperation).</summary>
public sealed class PlainSectionChange(TextOperation operation) : SectionChange
{
    public TextOperation Operation { get; } = operation;

    public static PlainSectionChange Submitted(string? opsJson)
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
            return new PlainSectionChange(TextOperation.Parse(document.RootElement));
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

    public static PlainSectionChange Stored(string opsJson)
    {
        using var document = JsonDocument.Parse(opsJson);
        return new PlainSectionChange(TextOperation.Parse(document.RootElement));
    }

    public override SectionChange TransformPast(IEnumerable<SectionChange> applied, Func<CollabException> doesNotSpan)
    {
        try
        {
            return new PlainSectionChange(TextOperation.TransformAgainst(Operation, applied.Select(op => ((PlainSectionChange)op).Operation)));
        }
        catch (OtException)
        {
            throw doesNotSpan();
        }
    }

    public override void ApplyTo(LessonSection section, Func<CollabException> doesNotSpan)
    {
        // Transform checks lengths only against concurrent ops; an op with none must match the current text itself.
        if (Operation.BaseLength != CodePoints.Count(section.Text))
        {
            throw doesNotSpan();
        }
        if (Operation.TargetLength > LessonPrepLimits.SectionCodePoints)
        {
            throw CollabException.TooLarge($"a section holds at most {LessonPrepLimits.SectionCodePoints} characters");
        }
        ReplayOn(section);
    }

    public override void ReplayOn(LessonSection section) => section.Text = Operation.Apply(section.Text);

    public override (int Start, int End) Move(int start, int end)
    {
        var movedStart = TextOperation.TransformIndex(start, Operation, followInsert: true);
        return (movedStart, Math.Max(movedStart, TextOperation.TransformIndex(end, Operation, followInsert: false)));
    }

    public override string ToJson() => LiveJson.Serialize(Operation.ToWire());

    public override bool Equals(object? obj) => obj is PlainSectionChange other && other.Operation == Operation;

    public override int GetHashCode() => Operation.GetHashCode();

    public override string ToString() => Operation.ToString();

    public override OpAppliedEvent Applied(long revision, string section, CommandKey command) =>
        new(revision, section, Operation.ToWire(), command.UserId, command.ClientId, command.ClientSeq);
}
