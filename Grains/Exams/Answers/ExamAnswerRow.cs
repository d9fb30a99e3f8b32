namespace Collab.Grains.Exams;

/// <summary>
/// One answer slot of an attempt as <c>exam_answer</c> holds it: the latest save of one question, with the command
/// that saved it (so a resend is answered, not applied again, also after a restart). <see cref="AnswerJson"/> is the
/// parsed <see cref="Collab.Grains.Interfaces.Exams.StudentAnswer"/>; a cleared answer keeps its row, with every part null.
/// </summary>
public sealed record ExamAnswerRow(
    string ExamId,
    string StudentId,
    string QuestionId,
    string AnswerJson,
    string ClientId,
    long ClientSeq,
    DateTimeOffset SavedAt);
