using System.Text.Json;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.Homework.Events;

/// <summary>A student's whole submission, to that student alone: answers by question id in the shapes of PROTOCOL §5.</summary>
public sealed record HomeworkSubmittedEvent(string StudentId, string ClassId, IReadOnlyDictionary<string, JsonElement> Answers, int Revision, DateTimeOffset At) : ILiveEvent
{
    public static string Type => "homework.submitted";
}

/// <summary>A class teacher's mark of one short answer, to the homework's teachers.</summary>
public sealed record HomeworkMarkedEvent(string StudentId, string QuestionId, decimal Points, string By, DateTimeOffset At) : ILiveEvent
{
    public static string Type => "homework.marked";
}

public sealed record HomeworkClosedEvent(DateTimeOffset At) : ILiveEvent
{
    public static string Type => "homework.closed";
}
