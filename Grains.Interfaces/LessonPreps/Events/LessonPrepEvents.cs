using System.Text.Json;
using System.Text.Json.Serialization;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.LessonPreps.Events;

/// <summary>
/// An op as the server applied it: in a text section <see cref="Ops"/>, the wire form of PROTOCOL §2 (retain, insert,
/// delete); in a rich section <see cref="Delta"/>, a Quill Delta change (§9).
/// </summary>
public sealed record OpAppliedEvent(
    long Revision,
    string Section,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<object>? Ops,
    string UserId,
    string ClientId,
    long ClientSeq,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Delta = null) : ILiveEvent
{
    public static string Type => "op.applied";
}

/// <summary>Ephemeral; at most <c>Collab:LessonPrep:CursorMovesPerSecond</c> per user.</summary>
public sealed record CursorMovedEvent(string UserId, string Section, int Anchor, int Head, long Revision) : ILiveEvent
{
    public static string Type => "cursor.moved";
}

public sealed record PhaseChangedEvent(string Phase, string UserId) : ILiveEvent
{
    public static string Type => "phase.changed";
}

public sealed record SectionAssignedEvent(string Section, string? UserId, string AssignedBy) : ILiveEvent
{
    public static string Type => "section.assigned";
}

/// <summary>A comment and its range in code points of the section; the range moves with later ops.</summary>
public sealed record CommentAddedEvent(string Id, string Section, int Start, int End, string Text, string UserId, string Name, DateTimeOffset At,
    bool Resolved, string? ResolvedBy) : ILiveEvent
{
    public static string Type => "comment.added";
}

public sealed record CommentResolvedEvent(string CommentId, string UserId) : ILiveEvent
{
    public static string Type => "comment.resolved";
}

public sealed record VersionSavedEvent(string VersionId, string Label, long Revision, string CreatedBy, DateTimeOffset CreatedAt) : ILiveEvent
{
    public static string Type => "version.saved";

    public static VersionSavedEvent Of(LessonVersionSummary version) =>
        new(version.VersionId, version.Label, version.Revision, version.CreatedBy, version.CreatedAt);
}

public sealed record VersionRestoredEvent(string VersionId, long Revision, string UserId) : ILiveEvent
{
    public static string Type => "version.restored";
}

/// <summary>On the original: a teacher made a personal copy (二次备课).</summary>
public sealed record PlanForkedEvent(string ForkId, string UserId, string Name, DateTimeOffset At, bool Reflected) : ILiveEvent
{
    public static string Type => "plan.forked";

    public static PlanForkedEvent Of(ForkRecord fork) => new(fork.ForkId, fork.UserId, fork.Name, fork.At, fork.Reflected);
}

/// <summary>On the original: a personal copy's after-class reflection changed; <see cref="Reflection"/> is its latest text.</summary>
public sealed record ForkReflectedEvent(string ForkId, string UserId, string Name, DateTimeOffset At, bool Reflected,
    string? Reflection = null, DateTimeOffset? ReflectedAt = null) : ILiveEvent
{
    public static string Type => "fork.reflected";

    public static ForkReflectedEvent Of(ForkRecord fork) =>
        new(fork.ForkId, fork.UserId, fork.Name, fork.At, fork.Reflected, fork.Reflection, fork.ReflectedAt);
}
