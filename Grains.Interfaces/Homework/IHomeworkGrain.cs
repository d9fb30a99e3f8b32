using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.Homework;

/// <summary>
/// One homework set for several classes at once (PROTOCOL §8): questions of the exam kinds (§5) with their keys, a due
/// time the server keeps, each student's submission and each class teacher's marks of short answers.
/// </summary>
[Alias("collab.IHomeworkGrain")]
public interface IHomeworkGrain : ILiveStreamGrain
{
    /// <summary><paramref name="specJson"/> is the body of <c>POST /api/homework</c>.</summary>
    [Alias("Create")]
    Task<HomeworkSummary> CreateAsync(Caller caller, string specJson);

    /// <summary>The line of a home list, with the caller's own submission time for a student.</summary>
    [Alias("Summary")]
    Task<HomeworkSummary> SummaryAsync(Caller caller);

    /// <summary>The homework as this caller may see it, as JSON: keys for its teachers; for a student, keys and points only after the due time.</summary>
    [Alias("View")]
    Task<string> ViewAsync(Caller caller);

    /// <summary><paramref name="answersJson"/> is the object of answers by question id; replaces the caller's earlier submission.</summary>
    [Alias("Submit")]
    Task<HomeworkSubmitted> SubmitAsync(Caller caller, CommandId command, string answersJson);

    /// <summary>Per student (the caller's classes, or <paramref name="classId"/>) and per class (all of them), for its teachers and admins.</summary>
    [Alias("Results")]
    Task<HomeworkResults> ResultsAsync(Caller caller, string? classId);

    /// <summary>The next submitted, unmarked answer to a short question among the caller's own classes' students; null when none is left.</summary>
    [Alias("NextToMark")]
    Task<HomeworkMarkingTask?> NextToMarkAsync(Caller caller, string questionId);

    [Alias("Mark")]
    Task<HomeworkMarked> MarkAsync(Caller caller, CommandId command, HomeworkMark mark);
}
