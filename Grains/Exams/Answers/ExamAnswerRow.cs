namespace Collab.Grains.Exams;

/// <summary>
/// One answer slot of an attempt as <c>exam_answer_slots</c> holds it: the latest save of one question, with the command
/// that saved it (so a resend is answered, not applied again, also after a restart). <see cref="AnswerJson"/> is the
/// parsed <see cref="Collab.Grains.Interfaces.Exams.StudentAnswer"/>; a cleared answer keeps its row, with every part null.
/// <see cref="Earlier"/> holds the latest save of every other client this slot accepted (<see cref="AcceptedSaves"/>).
/// </summary>
public sealed record ExamAnswerRow(
    string ExamId,
    string StudentId,
    string QuestionId,
    string AnswerJson,
    string ClientId,
    long ClientSeq,
    DateTimeOffset SavedAt,
    IReadOnlyDictionary<string, ClientSave> Earlier)
{
    /// <summary>A row is a value, its earlier saves included (a record would compare the dictionary by reference).</summary>
    public bool Equals(ExamAnswerRow? other) =>
        other is not null && ExamId == other.ExamId && StudentId == other.StudentId && QuestionId == other.QuestionId
        && AnswerJson == other.AnswerJson && ClientId == other.ClientId && ClientSeq == other.ClientSeq && SavedAt == other.SavedAt
        && Earlier.Count == other.Earlier.Count
        && Earlier.All(save => other.Earlier.TryGetValue(save.Key, out var same) && same == save.Value);

    public override int GetHashCode() => HashCode.Combine(ExamId, StudentId, QuestionId, ClientSeq, SavedAt);
}
