using Microsoft.Extensions.Options;

namespace Collab.Grains.Exams;

/// <summary>
/// The silo's writer of <c>exam_answer</c>, by group commit: saves from every attempt that arrive while the writes
/// under way (at most <see cref="IExamAnswerTable.ConcurrentWrites"/>) are busy wait together and go out in the next
/// write, one transaction, and each save completes only once its write is durable; a failed write fails every save in
/// it. The database work runs on the thread pool, never on an Orleans
/// scheduler thread, so SQLite's synchronous calls (and its wait for the file lock) hold up no grain.
/// </summary>
public sealed class ExamAnswerStore(IExamAnswerTable table, IOptions<ExamOptions> options)
{
    private readonly int _rowsPerWrite = Math.Max(1, options.Value.AnswersPerWrite);
    private readonly Lock _gate = new();
    private readonly List<QueuedSave> _queued = [];
    private int _writing;

    /// <summary>Completes when the row is durable; faults with the database's error when its write failed.</summary>
    public Task SaveAsync(ExamAnswerRow row)
    {
        var save = new QueuedSave(row);
        bool start;
        lock (_gate)
        {
            _queued.Add(save);
            start = _writing < table.ConcurrentWrites;
            if (start)
            {
                _writing++;
            }
        }
        if (start)
        {
            _ = Task.Run(WriteQueuedAsync);
        }
        else
        {
            ExamAnswerMetrics.Waited();
        }
        return save.Durable.Task;
    }

    public Task<IReadOnlyList<ExamAnswerRow>> ReadAsync(string examId, string studentId) =>
        Task.Run(() => table.ReadAsync(examId, studentId));

    /// <summary>One writer: writes batches until the queue is empty; never throws (each save gets its own outcome).</summary>
    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<QueuedSave> batch;
            lock (_gate)
            {
                if (_queued.Count == 0)
                {
                    _writing--;
                    return;
                }
                // Taken only now that the write may start: everything that arrived meanwhile joins this batch.
                batch = _queued.GetRange(0, Math.Min(_rowsPerWrite, _queued.Count));
                _queued.RemoveRange(0, batch.Count);
            }
            try
            {
                var rows = LatestPerSlot(batch);
                await table.UpsertAsync(rows);
                ExamAnswerMetrics.Written(rows.Count);
                foreach (var save in batch)
                {
                    save.Durable.SetResult();
                }
            }
            catch (Exception exception)
            {
                foreach (var save in batch)
                {
                    save.Durable.SetException(exception);
                }
            }
        }
    }

    /// <summary>
    /// One row per answer slot, the last queued winning: an upsert may not touch a row twice in one statement. An
    /// attempt has one save in flight at a time, so two rows of one slot in a batch come only from a stale activation
    /// (and two concurrent writes of one slot likewise; either order is one the grain could have written).
    /// </summary>
    private static List<ExamAnswerRow> LatestPerSlot(List<QueuedSave> batch)
    {
        var latest = new Dictionary<(string, string, string), ExamAnswerRow>();
        foreach (var save in batch)
        {
            latest[(save.Row.ExamId, save.Row.StudentId, save.Row.QuestionId)] = save.Row;
        }
        return latest.Count == batch.Count ? batch.ConvertAll(save => save.Row) : [.. latest.Values];
    }

    private sealed class QueuedSave(ExamAnswerRow row)
    {
        public ExamAnswerRow Row { get; } = row;

        /// <summary>Continues its awaiter on its own scheduler, not inline on the writer's loop.</summary>
        public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
