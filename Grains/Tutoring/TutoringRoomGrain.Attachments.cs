using Collab.Grains.Interfaces.Attachments.Events;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Interfaces.Tutoring.Events;

namespace Collab.Grains.Tutoring;

/// <summary>The room's files (PROTOCOL §9): the image under the board, and the news of a file to those in session.</summary>
public sealed partial class TutoringRoomGrain
{
    public Task SetBackgroundAsync(Caller caller, BoardBackground? background) => RunAsync(() =>
    {
        var session = Room.RequireParticipant(caller);
        session.Background = background;
        Emit(new BoardBackgroundEvent(session.SessionId, caller.UserId, background), Room.Participants);
    });

    public Task AttachmentAddedAsync(AttachmentAddedEvent added)
    {
        TellFileSharers(added);
        return Task.CompletedTask;
    }

    public Task AttachmentRemovedAsync(AttachmentRemovedEvent removed)
    {
        TellFileSharers(removed);
        return Task.CompletedTask;
    }

    /// <summary>The tutor and the student in session: a waiting student must not hear of the session's files.</summary>
    private void TellFileSharers<TEvent>(TEvent news) where TEvent : Interfaces.Live.ILiveEvent
    {
        if (State.Info is not { } room)
        {
            return;
        }
        EmitEphemeral(news, room.TutorId);
        if (State.Session is { } session)
        {
            EmitEphemeral(news, session.StudentId);
        }
    }
}
