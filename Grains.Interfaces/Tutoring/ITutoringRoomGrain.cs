using Collab.Grains.Interfaces.Attachments;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>A master teacher's tutoring room (名师在线辅导): a waiting queue, one admitted student, board, chat, notes.</summary>
[Alias("collab.ITutoringRoomGrain")]
public interface ITutoringRoomGrain : ILiveStreamGrain, IAttachmentOwnerGrain
{
    [Alias("Create")]
    Task<TutoringRoomInfo> CreateAsync(Caller caller, CreateTutoringRoom command);

    [Alias("Get")]
    Task<TutoringRoomInfo> GetAsync();

    [Alias("Open")]
    Task<TutoringRoomInfo> OpenAsync(Caller caller);

    [Alias("Close")]
    Task<TutoringRoomInfo> CloseAsync(Caller caller);

    [Alias("RequestHelp")]
    Task<QueuePosition> RequestHelpAsync(Caller caller, CommandId command, string topic);

    [Alias("CancelRequest")]
    Task CancelRequestAsync(Caller caller);

    [Alias("AdmitNext")]
    Task<SessionStarted> AdmitNextAsync(Caller caller);

    [Alias("EndSession")]
    Task EndSessionAsync(Caller caller);

    /// <summary>Moves the running slot's end later by <paramref name="minutes"/>; returns the new end.</summary>
    [Alias("ExtendSession")]
    Task<DateTimeOffset> ExtendSessionAsync(Caller caller, int minutes);

    [Alias("DrawStroke")]
    Task<StrokeAccepted> DrawStrokeAsync(Caller caller, CommandId command, StrokeInput stroke);

    [Alias("ClearBoard")]
    Task ClearBoardAsync(Caller caller);

    /// <summary>Puts an image of the room's files under the running session's board, or takes it away (null); the Api checks the file.</summary>
    [Alias("SetBackground")]
    Task SetBackgroundAsync(Caller caller, BoardBackground? background);

    [Alias("SendChat")]
    Task<ChatAccepted> SendChatAsync(Caller caller, CommandId command, string text);

    /// <summary>Notes of the running session, or of the latest finished one when none runs.</summary>
    [Alias("SaveNotes")]
    Task<string> SaveNotesAsync(Caller caller, string text);

    [Alias("PostQueueMessage")]
    Task<ChatAccepted> PostQueueMessageAsync(Caller caller, CommandId command, string text);

    /// <summary>The room's finished sessions, newest first (its tutor and admins).</summary>
    [Alias("History")]
    Task<IReadOnlyList<TutoringSessionRecord>> HistoryAsync(Caller caller);

    /// <summary>Throws unless the caller may share the room's files (PROTOCOL §9): its tutor, an admin, or a student it tutors or tutored.</summary>
    [Alias("AuthorizeFiles")]
    Task AuthorizeFilesAsync(Caller caller);
}
