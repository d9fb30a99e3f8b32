using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps.Events;
using Collab.Grains.LessonPreps.Rich;
using Collab.Grains.Live;
using Collab.Ot.Rich;

namespace Collab.Grains.LessonPreps;

/// <summary>A rich section's op: a Quill Delta change, transformed as quill-delta transforms it (PROTOCOL §9).</summary>
public sealed class RichSectionChange(Delta change) : SectionChange
{
    public Delta Change { get; } = change;

    public static RichSectionChange Submitted(string? deltaJson) => new(RichChangeRules.ParseChange(deltaJson));

    public static RichSectionChange Stored(string deltaJson) => new(Delta.Parse(deltaJson));

    /// <summary>
    /// Each op the server applied first wins a tie (quill-delta's <c>applied.transform(incoming, true)</c>), so an
    /// insert at the place a colleague's insert already took goes after it, as every client's editor expects.
    /// </summary>
    public override SectionChange TransformPast(IEnumerable<SectionChange> applied, Func<CollabException> doesNotSpan) =>
        new RichSectionChange(applied.Aggregate(Change, (incoming, op) => ((RichSectionChange)op).Change.Transform(incoming, priority: true)));

    public override void ApplyTo(LessonSection section, Func<CollabException> doesNotSpan) =>
        section.ReplaceRichContent(RichChangeRules.Apply(section.RichContent(), Change));

    public override void ReplayOn(LessonSection section) => section.ReplaceRichContent(section.RichContent().Compose(Change));

    /// <summary>Text typed at a range's start stays out of it and text typed at its end too, as with text sections.</summary>
    public override (int Start, int End) Move(int start, int end)
    {
        var movedStart = Change.TransformPosition(start, priority: false);
        return (movedStart, Math.Max(movedStart, Change.TransformPosition(end, priority: true)));
    }

    public override string ToJson() => Change.ToJson();

    public override bool Equals(object? obj) => obj is RichSectionChange other && other.Change == Change;

    public override int GetHashCode() => Change.GetHashCode();

    public override string ToString() => Change.ToString();

    public override OpAppliedEvent Applied(long revision, string section, CommandKey command)
    {
        using var wire = JsonDocument.Parse(Change.ToJson());
        return new OpAppliedEvent(revision, section, null, command.UserId, command.ClientId, command.ClientSeq, wire.RootElement.Clone());
    }
}
