using System.Collections.Concurrent;
using Collab.Grains.Exams;

namespace Collab.Grains.Tests.Cluster;

/// <summary>The candidate index held in memory, for the grain cluster.</summary>
public sealed class InMemoryCandidateIndex : ICandidateIndex
{
    private readonly ConcurrentDictionary<(string Student, string Exam), DateTimeOffset> _rows = new();

    public Task AddAsync(string examId, DateTimeOffset opensAt, IReadOnlyCollection<string> studentIds)
    {
        foreach (var student in studentIds)
        {
            _rows[(student, examId)] = opensAt;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ExamsOfAsync(string studentId, int limit) =>
        Task.FromResult<IReadOnlyList<string>>(_rows.Where(row => row.Key.Student == studentId)
            .OrderByDescending(row => row.Value).ThenBy(row => row.Key.Exam, StringComparer.Ordinal)
            .Take(limit).Select(row => row.Key.Exam).ToList());
}
