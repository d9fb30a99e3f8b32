using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;

namespace Collab.Silo.Database;

/// <summary>Lesson-plan versions in <c>lessonprep_versions</c>; the same SQL on both dialects, times as ISO-8601 text.</summary>
public sealed class LessonVersionStore(CollabDatabase database) : ILessonVersionStore
{
    public Task SaveAsync(string planId, LessonVersionView version) => database.WriteAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO lessonprep_versions (plan_id, version_id, label, revision, created_by, created_at, sections)
            VALUES (@plan, @version, @label, @revision, @by, @at, @sections);
            """;
        SqlRows.Add(command, "@plan", planId);
        SqlRows.Add(command, "@version", version.Version.VersionId);
        SqlRows.Add(command, "@label", version.Version.Label);
        SqlRows.Add(command, "@revision", version.Version.Revision);
        SqlRows.Add(command, "@by", version.Version.CreatedBy);
        SqlRows.Add(command, "@at", version.Version.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        SqlRows.Add(command, "@sections", JsonSerializer.Serialize(version.Sections));
        await command.ExecuteNonQueryAsync();
    });

    public async Task<IReadOnlyList<LessonVersionSummary>> ListAsync(string planId)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version_id, label, revision, created_by, created_at FROM lessonprep_versions WHERE plan_id = @plan ORDER BY revision, created_at;";
        SqlRows.Add(command, "@plan", planId);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<LessonVersionSummary>();
        while (await reader.ReadAsync())
        {
            versions.Add(Summary(reader));
        }
        return versions;
    }

    public async Task<LessonVersionView?> GetAsync(string planId, string versionId)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version_id, label, revision, created_by, created_at, sections FROM lessonprep_versions WHERE plan_id = @plan AND version_id = @version;";
        SqlRows.Add(command, "@plan", planId);
        SqlRows.Add(command, "@version", versionId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }
        return new LessonVersionView(Summary(reader), JsonSerializer.Deserialize<List<LessonSectionView>>(reader.GetString(5))!);
    }

    private static LessonVersionSummary Summary(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetString(3),
        DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
}
