using Collab.Api.Attachments;
using Collab.Api.Live;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Silo.Attachments;

namespace Collab.Api.Tutoring;

/// <summary>Hub of PROTOCOL §4 at <c>/hubs/tutoring</c>; Join, Leave and Sync come from <see cref="LiveHub{THub,TGrain}"/>.</summary>
public sealed class TutoringHub(IGrainFactory grains, LiveStreamBridge<TutoringHub, ITutoringRoomGrain> bridge, IAttachmentStore attachments)
    : LiveHub<TutoringHub, ITutoringRoomGrain>(grains, bridge)
{
    public Task<TutoringRoomInfo> Open(string roomId) => Grain(roomId).OpenAsync(Caller);

    public Task<TutoringRoomInfo> Close(string roomId) => Grain(roomId).CloseAsync(Caller);

    public Task<QueuePosition> RequestHelp(string roomId, RequestHelpRequest request) =>
        Grain(roomId).RequestHelpAsync(Caller, Command(request.ClientId, request.ClientSeq), request.Topic ?? "");

    public Task CancelRequest(string roomId) => Grain(roomId).CancelRequestAsync(Caller);

    public Task<SessionStarted> AdmitNext(string roomId) => Grain(roomId).AdmitNextAsync(Caller);

    public Task EndSession(string roomId) => Grain(roomId).EndSessionAsync(Caller);

    public async Task<object> ExtendSession(string roomId, int minutes) =>
        new { endsAt = await Grain(roomId).ExtendSessionAsync(Caller, minutes) };

    public Task<StrokeAccepted> DrawStroke(string roomId, DrawStrokeRequest request) =>
        Grain(roomId).DrawStrokeAsync(Caller, Command(request.ClientId, request.ClientSeq),
            new StrokeInput(request.StrokeId, request.Points, request.Color, request.Width));

    public Task ClearBoard(string roomId) => Grain(roomId).ClearBoardAsync(Caller);

    /// <summary>An image of this room's files under the board, or none (null); a PDF or another owner's file is refused.</summary>
    public async Task SetBackground(string roomId, string? fileId)
    {
        BoardBackground? background = null;
        if (fileId is not null)
        {
            var record = await attachments.FindAsync(fileId, Context.ConnectionAborted);
            if (record is null || record.Owner != new AttachmentOwner(AttachmentOwner.Tutoring, roomId).ToString())
            {
                throw CollabException.NotFound($"attachment {fileId} of tutoring room {roomId}");
            }
            if (!AttachmentTypes.IsImage(record.ContentType))
            {
                throw CollabException.Invalid("only an image (PNG, JPEG, GIF, WebP) goes under the board; share a PDF as a file");
            }
            background = new BoardBackground(record.Id, record.Name, record.ContentType);
        }
        await Grain(roomId).SetBackgroundAsync(Caller, background);
    }

    public Task<ChatAccepted> SendChat(string roomId, TutoringTextRequest request) =>
        Grain(roomId).SendChatAsync(Caller, Command(request.ClientId, request.ClientSeq), request.Text ?? "");

    public async Task<object> SaveNotes(string roomId, [FreeText] string text) =>
        new { sessionId = await Grain(roomId).SaveNotesAsync(Caller, text) };

    public Task<ChatAccepted> PostQueueMessage(string roomId, TutoringTextRequest request) =>
        Grain(roomId).PostQueueMessageAsync(Caller, Command(request.ClientId, request.ClientSeq), request.Text ?? "");
}
