using System.Text.Json;
using Collab.Api.Live;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;

namespace Collab.Api.LessonPreps;

/// <summary><c>ops</c> stays a JsonElement here: the grain parses it, so every client gets the same refusals.</summary>
/// <summary>A text section's op in <see cref="Ops"/>, a rich section's in <see cref="Delta"/> (PROTOCOL §9); never both.</summary>
public sealed record SubmitOpRequest(string? ClientId, long ClientSeq, string? Section, long BaseRevision, [property: FreeText] JsonElement Ops,
    [property: FreeText] JsonElement Delta = default);

public sealed record MoveCursorRequest(string? Section, int Anchor, int Head);

public sealed record AddCommentRequest(string? ClientId, long ClientSeq, string? Section, int Start, int End, [property: FreeText] string? Text);

/// <summary>Hub of PROTOCOL §2 at <c>/hubs/lessonprep</c>; Join, Leave and Sync come from <see cref="LiveHub{THub,TGrain}"/>.</summary>
public sealed class LessonPrepHub(IGrainFactory grains, LiveStreamBridge<LessonPrepHub, ILessonPrepGrain> bridge)
    : LiveHub<LessonPrepHub, ILessonPrepGrain>(grains, bridge)
{
    public Task<OpAccepted> SubmitOp(string id, SubmitOpRequest request) =>
        Grain(id).SubmitOpAsync(Caller, Command(request.ClientId, request.ClientSeq), request.Section ?? "", request.BaseRevision,
            (request.Ops.ValueKind, request.Delta.ValueKind) switch
            {
                (JsonValueKind.Undefined, JsonValueKind.Undefined) => throw CollabException.Invalid("ops (a text section) or delta (a rich one) is required"),
                (_, JsonValueKind.Undefined) => request.Ops.GetRawText(),
                (JsonValueKind.Undefined, _) => request.Delta.GetRawText(),
                _ => throw CollabException.Invalid("send ops or delta, not both"),
            });

    public Task MoveCursor(string id, MoveCursorRequest request) =>
        Grain(id).MoveCursorAsync(Caller, request.Section ?? "", request.Anchor, request.Head);

    public Task SetPhase(string id, string phase) => Grain(id).SetPhaseAsync(Caller, phase);

    public Task AssignSection(string id, string section, string? userId) => Grain(id).AssignSectionAsync(Caller, section, userId);

    public Task<CommentAdded> AddComment(string id, AddCommentRequest request) =>
        Grain(id).AddCommentAsync(Caller, Command(request.ClientId, request.ClientSeq), request.Section ?? "", request.Start, request.End, request.Text ?? "");

    public Task ResolveComment(string id, string commentId) => Grain(id).ResolveCommentAsync(Caller, commentId);

    public Task<VersionSaved> SaveVersion(string id, string label) => Grain(id).SaveVersionAsync(Caller, label);

    public Task<OpAccepted> RestoreVersion(string id, string versionId) => Grain(id).RestoreVersionAsync(Caller, versionId);
}
