using System.Text.Json;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.Classrooms.Events;

public sealed record ClassroomStartedEvent(DateTimeOffset At) : ILiveEvent
{
    public static string Type => "classroom.started";
}

public sealed record ClassroomEndedEvent(DateTimeOffset At) : ILiveEvent
{
    public static string Type => "classroom.ended";
}

/// <summary>To everyone, without the key; the host has it from their own push and their snapshot.</summary>
public sealed record QuestionPushedEvent(ClassroomQuestionView Question, DateTimeOffset PushedAt) : ILiveEvent
{
    public static string Type => "question.pushed";
}

public sealed record QuestionClosedEvent(string QuestionId, DateTimeOffset At) : ILiveEvent
{
    public static string Type => "question.closed";
}

/// <summary>The key in the shape a question's <c>answer</c> takes (PROTOCOL §5), and the whole classroom's total: all a student ever sees of the tally.</summary>
public sealed record AnswerRevealedEvent(string QuestionId, JsonElement Answer, TallyTotal Total) : ILiveEvent
{
    public static string Type => "answer.revealed";
}

/// <summary>A student's answer, to that student only; a row of the event log, replayed at activation.</summary>
public sealed record AnswerRecordedEvent(string QuestionId, string StudentId, string ClassId, JsonElement Answer, DateTimeOffset At) : ILiveEvent
{
    public static string Type => "answer.recorded";
}

/// <summary>A class teacher's show-of-hands count, to the host and the teachers; a row of the event log.</summary>
public sealed record TallySubmittedEvent(string QuestionId, string ClassId, IReadOnlyDictionary<string, int> Counts, string UserId, DateTimeOffset At) : ILiveEvent
{
    public static string Type => "tally.submitted";
}

/// <summary>The live tally, at most once per <c>Collab:Classrooms:TallyInterval</c>, to the host and the teachers only.</summary>
public sealed record TallyUpdatedEvent(string QuestionId, IReadOnlyList<ClassTally> PerClass, TallyTotal Total) : ILiveEvent
{
    public static string Type => "tally.updated";
}

/// <summary>Ephemeral, to the host and the teachers: how many of a class's students follow the classroom now.</summary>
public sealed record ClassPresenceEvent(string ClassId, int Online) : ILiveEvent
{
    public static string Type => "class.presence";
}
