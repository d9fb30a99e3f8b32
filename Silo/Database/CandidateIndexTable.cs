using Collab.Grains.Exams;

namespace Collab.Silo.Database;

/// <summary>The <c>exam_candidates</c> table (deploy/sql/*/exam_candidates): one row per student and exam, one transaction per exam.</summary>
public sealed class CandidateIndexTable(CollabDatabase database) : ICandidateIndex
{
    public Task AddAsync(string examId, DateTimeOffset opensAt, IReadOnlyCollection<string> studentIds) => studentIds.Count == 0
        ? Task.CompletedTask
        : Task.Run(() => database.WriteAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await SqlRows.InsertInTransactionAsync(connection, transaction, database.Dialect, "exam_candidates",
                ["student_id", "exam_id", "opens_at"], studentIds.ToList(),
                student => [student, examId, opensAt.ToUnixTimeMilliseconds()],
                " ON CONFLICT (student_id, exam_id) DO UPDATE SET opens_at = excluded.opens_at");
            await transaction.CommitAsync();
        }));

    public Task<IReadOnlyList<string>> ExamsOfAsync(string studentId, int limit) => Task.Run<IReadOnlyList<string>>(async () =>
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT exam_id FROM exam_candidates WHERE student_id = @student ORDER BY opens_at DESC, exam_id LIMIT @limit;";
        SqlRows.Add(command, "@student", studentId);
        SqlRows.Add(command, "@limit", limit);
        await using var reader = await command.ExecuteReaderAsync();
        var exams = new List<string>();
        while (await reader.ReadAsync())
        {
            exams.Add(reader.GetString(0));
        }
        return exams;
    });
}
