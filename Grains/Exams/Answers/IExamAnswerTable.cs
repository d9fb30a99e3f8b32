namespace Collab.Grains.Exams;

/// <summary>The project-owned table of exam answers (DESIGN §4), one row per (exam, student, question).</summary>
public interface IExamAnswerTable
{
    /// <summary>
    /// How many writes may be under way at once: one for SQLite (a single writer holds the file), a few for PostgreSQL,
    /// whose own group commit flushes concurrent transactions together.
    /// </summary>
    int ConcurrentWrites { get; }

    /// <summary>
    /// Inserts or replaces the rows in one transaction: either all are durable when the task completes, or none is.
    /// The rows have distinct (exam, student, question) keys.
    /// </summary>
    Task UpsertAsync(IReadOnlyList<ExamAnswerRow> rows);

    /// <summary>Every answer slot of one attempt.</summary>
    Task<IReadOnlyList<ExamAnswerRow>> ReadAsync(string examId, string studentId);
}
