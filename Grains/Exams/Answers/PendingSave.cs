using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>What one <c>SaveAnswer</c> writes: nothing when it turned out a resend, else its row and the parsed answer.</summary>
internal sealed class PendingSave
{
    public ExamAnswerRow? Row { get; set; }

    public StudentAnswer? Answer { get; set; }
}
