using Collab.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Exams;

/// <summary>
/// The silo's writer of <c>exam_answer_slots</c>, where answers live instead of the attempts' grain state, so a save
/// writes one small row rather than the whole attempt. The saves of every attempt go out together by group commit
/// (<see cref="GroupCommitQueue{TItem}"/>), one upsert statement per write, each save acknowledged only once its write
/// is durable. A write the database refuses for what one save carries is split until that save stands alone, so it
/// fails only its own student; a transient failure fails every save in the write.
/// </summary>
public sealed class ExamAnswerStore
{
    private readonly IExamAnswerTable _table;
    private readonly GroupCommitQueue<ExamAnswerRow> _queue;

    public ExamAnswerStore(IExamAnswerTable table, IOptions<ExamOptions> options)
    {
        _table = table;
        _queue = new GroupCommitQueue<ExamAnswerRow>("exam_answer", WriteAsync, table.ConcurrentWrites, _ => 1,
            options.Value.AnswersPerWrite, ExamAnswerMetrics.Waited);
    }

    /// <summary>Completes when the row is durable; faults with the database's error when its write failed.</summary>
    public Task SaveAsync(ExamAnswerRow row) => _queue.EnqueueAsync(row);

    public Task<IReadOnlyList<ExamAnswerRow>> ReadAsync(string examId, string studentId) =>
        Task.Run(() => _table.ReadAsync(examId, studentId));

    private async Task WriteAsync(IReadOnlyList<ExamAnswerRow> batch)
    {
        var rows = LatestPerSlot(batch);
        await _table.UpsertAsync(rows);
        ExamAnswerMetrics.Written(rows.Count);
    }

    /// <summary>
    /// One row per answer slot, the last queued winning: an upsert may not touch a row twice in one statement. An
    /// attempt has one save in flight at a time, so two rows of one slot in a batch come only from a stale activation
    /// (and two concurrent writes of one slot likewise; either order is one the grain could have written).
    /// </summary>
    private static IReadOnlyList<ExamAnswerRow> LatestPerSlot(IReadOnlyList<ExamAnswerRow> batch)
    {
        var latest = new Dictionary<(string, string, string), ExamAnswerRow>();
        foreach (var row in batch)
        {
            latest[(row.ExamId, row.StudentId, row.QuestionId)] = row;
        }
        return latest.Count == batch.Count ? batch : [.. latest.Values];
    }
}
