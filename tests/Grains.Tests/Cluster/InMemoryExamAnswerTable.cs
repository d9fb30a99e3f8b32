using Collab.Grains.Exams;

namespace Collab.Grains.Tests.Cluster;

/// <summary>
/// The answer table of the test cluster, behind the real group commit (<see cref="ExamAnswerStore"/>). It can hold
/// the next write touching an exam until a test releases or fails it, to watch saves queue behind a write under way.
/// </summary>
public sealed class InMemoryExamAnswerTable : IExamAnswerTable
{
    private readonly Dictionary<(string, string, string), ExamAnswerRow> _rows = [];
    private readonly Dictionary<string, Queue<HeldWrite<ExamAnswerRow>>> _holds = [];
    private readonly Dictionary<string, List<int>> _writes = [];

    /// <summary>One, so a held write holds back every save that comes after it.</summary>
    public int ConcurrentWrites => 1;

    public async Task UpsertAsync(IReadOnlyList<ExamAnswerRow> rows)
    {
        var exams = rows.Select(r => r.ExamId).Distinct().ToList();
        HeldWrite<ExamAnswerRow>? hold = null;
        lock (_rows)
        {
            foreach (var exam in exams)
            {
                if (hold is null && _holds.TryGetValue(exam, out var holds) && holds.Count > 0)
                {
                    hold = holds.Dequeue();
                }
            }
        }
        if (hold is not null)
        {
            hold.Arrive(rows);
            await hold.Released;
        }
        lock (_rows)
        {
            if (rows.DistinctBy(Key).Count() != rows.Count)
            {
                throw new InvalidOperationException("an upsert touches one row twice");
            }
            foreach (var row in rows)
            {
                _rows[Key(row)] = row;
            }
            foreach (var exam in exams)
            {
                if (!_writes.TryGetValue(exam, out var sizes))
                {
                    _writes[exam] = sizes = [];
                }
                sizes.Add(rows.Count(r => r.ExamId == exam));
            }
        }
    }

    public Task<IReadOnlyList<ExamAnswerRow>> ReadAsync(string examId, string studentId)
    {
        lock (_rows)
        {
            IReadOnlyList<ExamAnswerRow> rows = _rows.Values.Where(r => r.ExamId == examId && r.StudentId == studentId).ToList();
            return Task.FromResult(rows);
        }
    }

    /// <summary>The stored rows of one attempt, by question.</summary>
    public IReadOnlyDictionary<string, ExamAnswerRow> Rows(string examId, string studentId)
    {
        lock (_rows)
        {
            return _rows.Values.Where(r => r.ExamId == examId && r.StudentId == studentId).ToDictionary(r => r.QuestionId);
        }
    }

    /// <summary>How many of an exam's rows each committed write carried, in order.</summary>
    public IReadOnlyList<int> WriteSizes(string examId)
    {
        lock (_rows)
        {
            return _writes.TryGetValue(examId, out var sizes) ? sizes.ToList() : [];
        }
    }

    /// <summary>Holds the next write with a row of this exam: it arrives, then waits for the test to release or fail it.</summary>
    public HeldWrite<ExamAnswerRow> HoldNextWrite(string examId)
    {
        var hold = new HeldWrite<ExamAnswerRow>();
        lock (_rows)
        {
            if (!_holds.TryGetValue(examId, out var holds))
            {
                _holds[examId] = holds = new Queue<HeldWrite<ExamAnswerRow>>();
            }
            holds.Enqueue(hold);
        }
        return hold;
    }

    private static (string, string, string) Key(ExamAnswerRow row) => (row.ExamId, row.StudentId, row.QuestionId);
}
