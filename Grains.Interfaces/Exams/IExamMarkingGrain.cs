using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams.Regrading;

namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// Online marking (网上评卷) of one short-answer question of one exam, keyed <c>examId:questionId</c>: the submitted
/// answers, served anonymously one at a time to markers, with single or double marking.
/// </summary>
[Alias("collab.IExamMarkingGrain")]
public interface IExamMarkingGrain : IGrainWithStringKey
{
    /// <summary>Called by an attempt when it is submitted; the reference hides who the student is.</summary>
    [Alias("Enqueue")]
    Task EnqueueAsync(string attemptRef, string studentId, MarkingPolicy policy);

    [Alias("Next")]
    Task<MarkingTask?> NextAsync(Caller caller);

    [Alias("Mark")]
    Task<MarkRecorded> MarkAsync(Caller caller, string attemptRef, decimal points);

    /// <summary>Settled points by student id, for the results.</summary>
    [Alias("GetFinalMarks")]
    Task<IReadOnlyDictionary<string, decimal>> GetFinalMarksAsync();

    [Alias("Progress")]
    Task<MarkingProgress> GetProgressAsync(Caller caller);

    /// <summary>Every mark and arbitration given in this queue, for the exam's audit log.</summary>
    [Alias("GetAudit")]
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync();
}
