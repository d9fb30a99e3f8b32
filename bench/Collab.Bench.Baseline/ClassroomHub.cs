using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Bench.Baseline;

/// <summary>
/// <c>/hubs/classroom</c> of B0: the calls the classroom scenario makes on Collab's hub (PROTOCOL §8), each one group
/// send or one dictionary write: Join (the staff also join the tally's group), Start, PushQuestion, Answer (its
/// <c>answer.recorded</c> to the caller alone), CloseQuestion, RevealAnswer, End.
/// </summary>
public sealed class ClassroomHub(ClassroomRooms rooms) : Hub
{
    public override Task OnConnectedAsync()
    {
        HubCaller.Remember(Context);
        return Task.CompletedTask;
    }

    public async Task<JoinReply> Join(string id)
    {
        var room = rooms.Get(id);
        await Groups.AddToGroupAsync(Context.ConnectionId, id);
        if (room.Staff.Contains(HubCaller.Of(Context)))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ClassroomRooms.StaffGroup(id));
        }
        return new JoinReply(room.Seq, WireTime.Now(), EmptySnapshot.Instance);
    }

    public async Task<object> Start(string id)
    {
        await Broadcast(rooms.Get(id), "classroom.started", new { at = WireTime.Now() });
        return new { id, status = "live" };
    }

    public async Task<object> End(string id)
    {
        await Broadcast(rooms.Get(id), "classroom.ended", new { at = WireTime.Now() });
        return new { id, status = "ended" };
    }

    public async Task<object> PushQuestion(string id, JsonElement request)
    {
        var room = rooms.Get(id);
        var question = request.GetProperty("question");
        var questionId = question.GetProperty("id").GetString();
        lock (room)
        {
            room.QuestionId = questionId;
            room.Key = question.GetProperty("answer").GetString();
            room.Answers.Clear();
        }
        var view = new
        {
            id = questionId,
            kind = question.GetProperty("kind").GetString(),
            stem = question.GetProperty("stem").GetString(),
            options = question.GetProperty("options"),
            blanks = 0,
            status = "open",
        };
        await Broadcast(room, "question.pushed", new { question = view, pushedAt = WireTime.Now() });
        return new { questionId };
    }

    public async Task<object> Answer(string id, JsonElement request)
    {
        var room = rooms.Get(id);
        var user = HubCaller.Of(Context);
        var answer = request.GetProperty("answer");
        var at = WireTime.Now();
        rooms.Answer(room, user, answer);
        await Clients.Caller.SendAsync("Event", new EventEnvelope($"classroom/{id}", room.NextSeq(), "answer.recorded", at,
            new { questionId = request.GetProperty("questionId").GetString(), studentId = user, classId = "", answer, at }));
        return new { acceptedAt = at };
    }

    public async Task CloseQuestion(string id, string questionId)
    {
        var room = rooms.Get(id);
        await rooms.PublishPendingAsync(room);
        await Broadcast(room, "question.closed", new { questionId, at = WireTime.Now() });
    }

    public async Task RevealAnswer(string id, string questionId)
    {
        var room = rooms.Get(id);
        object total;
        lock (room)
        {
            total = ClassroomRooms.Total(room);
        }
        await Broadcast(room, "answer.revealed", new { questionId, answer = room.Key, total });
    }

    private Task Broadcast(ClassroomRooms.Room room, string type, object data) =>
        Clients.Group(room.Id).SendAsync("Event", new EventEnvelope($"classroom/{room.Id}", room.NextSeq(), type, WireTime.Now(), data));
}
