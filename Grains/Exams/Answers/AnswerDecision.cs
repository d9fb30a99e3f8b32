using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>What one SaveAnswer comes to: its answer, and the row to write with its parsed answer unless it changes nothing.</summary>
public sealed record AnswerDecision(AnswerSaved Result, ExamAnswerRow? Row, StudentAnswer? Answer);
