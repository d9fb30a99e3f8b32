using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Regrading;
using Collab.Grains.Exams.Regrading;

using Microsoft.Extensions.DependencyInjection;
namespace Collab.Grains.Exams;

/// <summary>
/// The marking queue of one short-answer question (网上评卷). Answers are served one at a time, anonymously, each held
/// for its marker for <see cref="LeaseTime"/> so two markers are not given the same answer at once, and only its holder
/// may mark it; leases are not durable (after a restart a marker takes the answer again). Each marker marks an answer
/// once, and an arbitration is never by one who marked it. Marks are durable before they are acknowledged.
/// </summary>
public sealed class ExamMarkingGrain(
    [PersistentState("exammarking", StorageNames.Default)] IPersistentState<MarkingState> store,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time)
    : Grain, IExamMarkingGrain
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, (string MarkerId, DateTimeOffset Until)> _leases = [];

    private string ExamId => AttemptKeys.Split(this.GetPrimaryKeyString()).ExamId;

    private string QuestionId => AttemptKeys.Split(this.GetPrimaryKeyString()).OtherId;

    private MarkingState State => store.State;

    public async Task EnqueueAsync(string attemptRef, string studentId, MarkingPolicy policy)
    {
        if (State.Items.ContainsKey(attemptRef))
        {
            return;
        }
        State.Policy = policy;
        State.Items[attemptRef] = new MarkingItem { StudentId = studentId, QueuedAt = time.GetUtcNow() };
        await WriteAsync();
    }

    public async Task<MarkingTask?> NextAsync(Caller caller)
    {
        var question = await AuthorizeAsync(caller);
        var now = time.GetUtcNow();
        foreach (var (attemptRef, item) in State.Items.OrderBy(i => i.Value.QueuedAt).ThenBy(i => i.Key, StringComparer.Ordinal))
        {
            if (!Wants(item, caller.UserId, out var arbitration) || IsLeasedToOther(attemptRef, caller.UserId, now))
            {
                continue;
            }
            _leases[attemptRef] = (caller.UserId, now + LeaseTime);
            var answer = await GrainFactory.GetGrain<IExamAttemptGrain>(AttemptKeys.Of(ExamId, item.StudentId)).GetShortAnswerAsync(QuestionId);
            return new MarkingTask(attemptRef, QuestionId, question.Stem, question.Points, answer, question.Reference, arbitration);
        }
        return null;
    }

    public async Task<MarkRecorded> MarkAsync(Caller caller, string attemptRef, decimal points)
    {
        var question = await AuthorizeAsync(caller);
        if (!State.Items.TryGetValue(attemptRef ?? "", out var item))
        {
            throw CollabException.NotFound($"answer {attemptRef} to question {QuestionId}");
        }
        if (points < 0 || points > question.Points || decimal.Round(points, 2) != points)
        {
            throw CollabException.Invalid($"points for {QuestionId} are 0 to {question.Points}, in steps of at most 0.01");
        }
        if (item.Final is not null)
        {
            throw CollabException.Conflict($"answer {attemptRef} is already settled at {item.Final} points");
        }
        // A marker who marked again could settle a dispute on their own side, or arbitrate their own disagreement.
        if (HasMarked(item, caller.UserId))
        {
            throw CollabException.Forbidden($"you have marked answer {attemptRef}; its next mark or arbitration is another marker's");
        }
        if (!_leases.TryGetValue(attemptRef!, out var lease) || lease.MarkerId != caller.UserId || lease.Until <= time.GetUtcNow())
        {
            throw CollabException.Conflict($"answer {attemptRef} is not held for you; take it from marking/next first");
        }
        var outcome = MarkingRules.Resolve(State.Policy, item.Marks.Select(m => m.Points).ToList(), item.Arbitration);
        if (outcome.NeedsArbitration)
        {
            item.Arbitration = points;
            item.ArbitratedBy = caller.UserId;
            item.ArbitratedAt = time.GetUtcNow();
        }
        else
        {
            item.Marks.Add(new MarkEntry(caller.UserId, points, time.GetUtcNow()));
        }
        item.Final = MarkingRules.Resolve(State.Policy, item.Marks.Select(m => m.Points).ToList(), item.Arbitration).Final;
        await WriteAsync();
        _leases.Remove(attemptRef!);
        return new MarkRecorded(attemptRef!, QuestionId, points, item.Final);
    }

    public Task<IReadOnlyDictionary<string, decimal>> GetFinalMarksAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, decimal>>(State.Items.Values
            .Where(i => i.Final is not null)
            .ToDictionary(i => i.StudentId, i => i.Final!.Value));

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync() => Task.FromResult(MarkingAudit.Entries(QuestionId, State.Items));

    public async Task<MarkingProgress> GetProgressAsync(Caller caller)
    {
        await AuthorizeAsync(caller);
        var arbitration = State.Items.Values.Count(i =>
            i.Final is null && MarkingRules.Resolve(State.Policy, i.Marks.Select(m => m.Points).ToList(), i.Arbitration).NeedsArbitration);
        return new MarkingProgress(QuestionId, State.Items.Count, State.Items.Values.Count(i => i.Final is not null), arbitration);
    }

    /// <summary>
    /// Whether this marker should see the item now: it needs a mark or an arbitration, and they have not marked it.
    /// </summary>
    private bool Wants(MarkingItem item, string markerId, out bool arbitration)
    {
        arbitration = false;
        if (item.Final is not null || HasMarked(item, markerId))
        {
            return false;
        }
        var outcome = MarkingRules.Resolve(State.Policy, item.Marks.Select(m => m.Points).ToList(), item.Arbitration);
        if (outcome.NeedsArbitration)
        {
            arbitration = true;
            return true;
        }
        return outcome.NeedsAnotherMarker;
    }

    private static bool HasMarked(MarkingItem item, string markerId) => item.Marks.Any(m => m.MarkerId == markerId);

    private bool IsLeasedToOther(string attemptRef, string markerId, DateTimeOffset now) =>
        _leases.TryGetValue(attemptRef, out var lease) && lease.MarkerId != markerId && lease.Until > now;

    private Task<PaperQuestion> AuthorizeAsync(Caller caller) =>
        GrainFactory.GetGrain<IExamGrain>(ExamId).AuthorizeMarkingAsync(caller, QuestionId);

    private async Task WriteAsync()
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch (Exception)
        {
            // Memory is now ahead of storage: drop this activation so the next call reads what is durable.
            DeactivateOnIdle();
            throw new CollabException(ErrorCodes.Unavailable, "the mark could not be stored; try again");
        }
    }
}
