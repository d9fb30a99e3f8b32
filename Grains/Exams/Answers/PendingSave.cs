namespace Collab.Grains.Exams;

/// <summary>What the running <c>SaveAnswer</c> decided: nothing to write when it turned out a resend, else its row and the parsed answer.</summary>
internal sealed class PendingSave
{
    public AnswerDecision? Decision { get; set; }
}
