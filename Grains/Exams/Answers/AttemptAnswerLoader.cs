using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Exams;

/// <summary>
/// Brings a started attempt's answers into its document at activation, from <c>exam_answer_slots</c>. Attempts begun
/// before answers moved to that table kept them in the grain state: those move to the table once (a row already there
/// is newer and wins) and leave the state, so the answers live in one place only.
/// </summary>
public sealed class AttemptAnswerLoader(ExamAnswerStore store)
{
    /// <summary>Whether answers left the state, which the caller must then write.</summary>
    public async Task<bool> LoadAsync(AttemptDocument attempt, AttemptState state, string examId, string studentId)
    {
        foreach (var row in await store.ReadAsync(examId, studentId))
        {
            attempt.Remember(row, LiveJson.Deserialize<StudentAnswer>(row.AnswerJson));
        }
        if (state.Answers.Count == 0)
        {
            return false;
        }
        // A resend of one of these saves is still answered from the command results the state kept for it.
        foreach (var (row, answer) in attempt.StateAnswersToMove())
        {
            await store.SaveAsync(row);
            attempt.Remember(row, answer);
        }
        state.Answers.Clear();
        return true;
    }
}
