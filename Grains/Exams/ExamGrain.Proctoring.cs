using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Events;

namespace Collab.Grains.Exams;

/// <summary>
/// The exam grain's proctoring calls (PROTOCOL §5 and §7): announcements, actions on candidates, accommodations, the
/// irregularity log, and the roster view kept from the attempts' reports. The rules are <see cref="ExamProctoring"/>'s.
/// </summary>
public sealed partial class ExamGrain
{
    public Task ReportProgressAsync(CandidateProgress progress)
    {
        if (Exam.Exists && Exam.OnRoster(progress.StudentId))
        {
            Board.Report(progress);
            _progressTimer ??= this.RegisterGrainTimer(FlushProgressAsync, _exam.ProgressInterval, _exam.ProgressInterval);
        }
        return Task.CompletedTask;
    }

    public Task<AnnouncementMade> AnnounceAsync(Caller caller, string text, string? roomId)
    {
        var scope = Exam.RequireScope(caller);
        Exam.RequirePublished();
        return RunAsync<AnnouncementMade>(() =>
        {
            var announcement = Proctoring.Announce(scope, text, roomId, Now);
            Emit(new AnnouncementEvent(announcement.Text, announcement.At, announcement.RoomId),
                audienceGroup: announcement.RoomId is { } room ? ExamSeating.RoomGroup(room) : null);
            return announcement;
        });
    }

    public async Task<CandidateProgress> ActOnCandidateAsync(Caller caller, ProctorAction action)
    {
        Exam.RequireProctorOf(caller, action.StudentId ?? "");
        Exam.RequirePublished();
        var cause = Proctoring.ValidateAction(action);
        var progress = await Attempt(action.StudentId!).ApplyAsync(action with { Cause = cause });
        await RunAsync(() =>
        {
            var recorded = Proctoring.Record(action, cause, caller.UserId, Now);
            // One durable event per audience: the author's and admins' stream, and the room's proctors'.
            Emit(recorded, audienceGroup: ProctorsGroup);
            if (Exam.Seating.RoomIdOf(action.StudentId!) is { } room)
            {
                Emit(recorded, audienceGroup: ExamSeating.ProctorsOf(room));
            }
        });
        await ReportProgressAsync(progress);
        return Proctoring.Line(progress);
    }

    public async Task<CandidateProgress> SetAccommodationAsync(Caller caller, string studentId, int extraMinutes)
    {
        Exam.RequireProctor(caller);
        Proctoring.ValidateAccommodation(studentId, extraMinutes);
        var progress = await Attempt(studentId).ApplyAsync(new ProctorAction(studentId, ProctorAction.Accommodate, extraMinutes, ""));
        await RunAsync(() => Proctoring.Accommodate(studentId, extraMinutes, caller.UserId, Now));
        await ReportProgressAsync(progress);
        return Proctoring.Line(progress);
    }

    public async Task<IReadOnlyList<Irregularity>> GetIrregularitiesAsync(Caller caller)
    {
        var scope = Exam.RequireScope(caller);
        var inScope = Exam.Irregularities.Where(entry => scope.Covers(Exam.Seating.RoomIdOf(entry.StudentId)));
        await GatherProgressAsync();
        // Only the attempts whose line counts a focus loss are asked for its times.
        var distracted = Spec.Roster
            .Where(studentId => scope.Covers(Exam.Seating.RoomIdOf(studentId)) && Board.ProgressOf(studentId).FocusLosses > 0)
            .ToList();
        var losses = await FanOut.RunAsync(distracted, _exam.FanOut, async studentId =>
            (await Attempt(studentId).GetFocusLossesAsync()).Select(at => new Irregularity(at, studentId, Irregularity.FocusLost, 0, "", studentId)));
        return inScope.Concat(losses.SelectMany(entries => entries)).OrderBy(entry => entry.At).ToList();
    }

    private Task FlushProgressAsync(CancellationToken cancellationToken)
    {
        if (Board.TakeChanges(Spec.Roster) is { } changes)
        {
            foreach (var (update, group) in Proctoring.ProgressEvents(changes, Board))
            {
                EmitEphemeral(update, audienceGroup: group);
            }
        }
        else
        {
            _progressTimer?.Dispose();
            _progressTimer = null;
        }
        return Task.CompletedTask;
    }

    /// <summary>After a reactivation the roster view is empty; the attempts hold the truth, so ask them once.</summary>
    private async Task GatherProgressAsync()
    {
        if (Board.Gathered || !Exam.IsPublished || Exam.BeforeOpening(Now))
        {
            return;
        }
        Board.Gather(await FanOutAsync(studentId => Attempt(studentId).GetProgressAsync()));
    }
}
