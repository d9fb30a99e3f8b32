using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Regrading;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Exams.Regrading;

/// <summary>
/// Key changes after publishing over the exam's state (PROTOCOL §7): the paper takes the new key, the key revision
/// goes up, and the change is recorded for the results and in the audit log, all in one write. The attempts are then
/// regraded up to that revision; until every attempt has taken it in, the regrade is <see cref="Pending"/>, and the
/// grain finishes it before it reads results and after a reactivation.
/// </summary>
public sealed class ExamRegrades(string examId, ExamState state)
{
    public const int MaxChanges = 100;

    public int Revision => state.KeyRevision;

    public bool Pending => state.RegradedRevision < state.KeyRevision;

    public IReadOnlyList<Regrade> All => state.Regrades;

    public IReadOnlyList<AuditEntry> Audit => state.Audit;

    private ExamSpec Spec => state.Spec ?? throw CollabException.NotFound($"exam {examId}");

    public PaperQuestion Question(string questionId) =>
        Spec.Questions.FirstOrDefault(question => question.Id == questionId)
        ?? throw CollabException.NotFound($"question {questionId} of exam {examId}");

    public Regrade Change(PaperQuestion question, KeyChangeRequest change, string by, DateTimeOffset now)
    {
        if (state.Regrades.Count >= MaxChanges)
        {
            throw CollabException.Conflict($"exam {examId} has had {MaxChanges} key changes already");
        }
        var changed = question with { Key = change.Key };
        state.Spec = Spec with { Questions = Spec.Questions.Select(q => q.Id == question.Id ? changed : q).ToList() };
        state.KeyRevision++;
        var regrade = new Regrade(now, question.Id, by, change.Reason);
        state.Regrades.Add(regrade);
        state.Audit.Add(new AuditEntry(now, by, AuditActions.KeyChanged,
            $"key of {question.Id} changed from {Wire(question)} to {Wire(changed)}: {change.Reason}",
            question.Id, Reason: change.Reason));
        return regrade;
    }

    /// <summary>Every attempt has taken in <paramref name="revision"/>; a later change may already be waiting.</summary>
    public void Regraded(int revision) => state.RegradedRevision = Math.Max(state.RegradedRevision, revision);

    private static string Wire(PaperQuestion question) => LiveJson.Serialize(ExamWire.Key(question));
}
