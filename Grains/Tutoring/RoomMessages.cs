using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Interfaces.Tutoring.Events;

namespace Collab.Grains.Tutoring;

/// <summary>
/// What is said in a tutoring room (PROTOCOL §4): the session's chat between its participants, within its bounds, and
/// the tutor's messages to everyone waiting; both count in the room's one message sequence that names them. Pure,
/// like the <see cref="TutoringRoomDocument"/> it belongs to; a chat line is applied by <see cref="Record"/> both when
/// it is sent and when activation replays it.
/// </summary>
public sealed class RoomMessages(string id, TutoringRoomState state, TutoringRoomDocument room)
{
    /// <summary>A participant's chat line; its client id and seq let the sender match it to what they showed as pending.</summary>
    public ChatPostedEvent Chat(Caller caller, CommandId command, string text, DateTimeOffset now)
    {
        var session = room.RequireParticipant(caller);
        var body = TextFields.Required(text, "text", TutoringLimits.ChatLength, trim: false);
        if (session.Chat.Count >= TutoringLimits.ChatPerSession)
        {
            throw CollabException.TooLarge($"a session has at most {TutoringLimits.ChatPerSession} chat messages");
        }
        var line = new ChatPostedEvent($"c{state.MessageCount + 1}", caller.UserId, caller.Name, body, now, command.ClientId, command.ClientSeq);
        Record(line);
        return line;
    }

    public void Record(ChatPostedEvent line)
    {
        var session = state.Session ?? throw new InvalidOperationException($"room {id} has a chat line outside a session");
        state.MessageCount++;
        session.Chat.Add(new ChatLine(line.Id, line.UserId, line.Name, line.Text, line.At, line.ClientId, line.ClientSeq));
    }

    /// <summary>The tutor's message to everyone waiting.</summary>
    public QueueMessageEvent QueueMessage(Caller caller, string text, DateTimeOffset now)
    {
        room.RequireTutor(caller);
        room.RequireOpen();
        var body = TextFields.Required(text, "text", TutoringLimits.QueueMessageLength, trim: false);
        state.MessageCount++;
        return new QueueMessageEvent($"q{state.MessageCount}", body, now);
    }
}
