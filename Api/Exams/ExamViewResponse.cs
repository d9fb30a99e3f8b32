using Collab.Grains.Interfaces.Exams;

namespace Collab.Api.Exams;

/// <summary>The author's view of an exam as REST returns it: the spec's fields, with each question in the protocol's shape (key included).</summary>
public sealed record ExamViewResponse(
    string Id,
    string Status,
    string CreatedBy,
    string Title,
    string Subject,
    IReadOnlyList<object> Questions,
    DateTimeOffset OpensAt,
    int DurationMinutes,
    int LateJoinMinutes,
    IReadOnlyList<string> Roster,
    IReadOnlyList<string> RosterClasses,
    bool ShuffleQuestions,
    bool ShuffleOptions,
    MarkingPolicy Marking,
    IReadOnlyList<string> Markers,
    IReadOnlyList<ExamRoom> Rooms,
    DateTimeOffset? PublishedAt,
    decimal MaxScore,
    DateTimeOffset ServerNow)
{
    public static ExamViewResponse From(ExamView view) => new(
        view.Id,
        view.Status,
        view.CreatedBy,
        view.Spec.Title,
        view.Spec.Subject,
        view.Spec.Questions.Select(ExamWire.Question).ToList(),
        view.Spec.OpensAt,
        view.Spec.DurationMinutes,
        view.Spec.LateJoinMinutes,
        view.Spec.Roster,
        view.Spec.RosterClasses ?? [],
        view.Spec.ShuffleQuestions,
        view.Spec.ShuffleOptions,
        view.Spec.Marking,
        view.Spec.Markers ?? [],
        view.Spec.Rooms ?? [],
        view.PublishedAt,
        view.MaxScore,
        view.ServerNow);
}
