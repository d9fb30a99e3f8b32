namespace Collab.Grains.Exams;

/// <summary>
/// Which exams each student sits, so that a student's home finds them without an exam id. Written when an exam
/// publishes, before the publish is stored: a row may name an exam whose publish then failed, so readers ask the exam.
/// </summary>
public interface ICandidateIndex
{
    /// <summary>Idempotent: the same exam and students again change nothing.</summary>
    Task AddAsync(string examId, DateTimeOffset opensAt, IReadOnlyCollection<string> studentIds);

    /// <summary>The student's exams, the latest opening first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> ExamsOfAsync(string studentId, int limit);
}
