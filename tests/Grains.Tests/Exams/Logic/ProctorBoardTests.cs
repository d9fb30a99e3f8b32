using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

public sealed class ProctorBoardTests
{
    private static readonly IReadOnlyList<string> Roster = ["s-1", "s-2", "s-3", "s-4"];

    private readonly ProctorBoard _board = new(id => $"name of {id}");

    private static CandidateProgress Line(string studentId, string status, int answered = 0) =>
        new(studentId, $"名{studentId}", status, answered, null, 0, null, null);

    [Fact]
    public void A_candidate_nobody_has_heard_of_is_absent_under_the_rosters_name()
    {
        Assert.Equal(new CandidateProgress("s-1", "name of s-1", AttemptStatuses.Absent, 0, null, 0, null, null), _board.ProgressOf("s-1"));
        Assert.False(_board.HasChanges);
        Assert.Null(_board.TakeChanges(Roster));
    }

    [Fact]
    public void Changes_are_taken_once_with_the_counts_of_the_whole_roster()
    {
        _board.Report(Line("s-2", AttemptStatuses.Active, 1));
        _board.Report(Line("s-3", AttemptStatuses.Paused));
        _board.Report(Line("s-2", AttemptStatuses.Active, 2));

        var changes = _board.TakeChanges(Roster)!;

        Assert.Equal(["s-2", "s-3"], changes.Students.Select(s => s.StudentId));
        Assert.Equal(2, changes.Students[0].Answered);
        Assert.Equal(new Interfaces.Exams.Events.StatusCounts(2, 1, 1, 0), changes.Counts);
        Assert.False(_board.HasChanges);
        Assert.Null(_board.TakeChanges(Roster));

        _board.Report(Line("s-3", AttemptStatuses.Submitted));
        Assert.True(_board.HasChanges);
        Assert.Equal(new Interfaces.Exams.Events.StatusCounts(2, 1, 0, 1), _board.TakeChanges(Roster)!.Counts);
    }

    [Fact]
    public void Gathered_lines_never_replace_one_reported_since()
    {
        _board.Report(Line("s-1", AttemptStatuses.Submitted));
        Assert.False(_board.Gathered);

        _board.Gather([Line("s-1", AttemptStatuses.Active), Line("s-2", AttemptStatuses.Active)]);

        Assert.True(_board.Gathered);
        Assert.Equal(AttemptStatuses.Submitted, _board.ProgressOf("s-1").Status);
        Assert.Equal(AttemptStatuses.Active, _board.ProgressOf("s-2").Status);
        Assert.Equal(["s-1"], _board.TakeChanges(Roster)!.Students.Select(s => s.StudentId));
    }

    [Fact]
    public void All_submitted_needs_every_candidate_heard_of()
    {
        Assert.False(_board.AllSubmitted(2));
        _board.Report(Line("s-1", AttemptStatuses.Submitted));
        Assert.False(_board.AllSubmitted(2));
        _board.Report(Line("s-2", AttemptStatuses.Active));
        Assert.False(_board.AllSubmitted(2));
        _board.Report(Line("s-2", AttemptStatuses.Submitted));
        Assert.True(_board.AllSubmitted(2));
        Assert.False(_board.AllSubmitted(3));
    }

    [Theory]
    [InlineData(AttemptStatuses.Absent, true)]
    [InlineData(AttemptStatuses.Submitted, true)]
    [InlineData(AttemptStatuses.Active, false)]
    [InlineData(AttemptStatuses.Paused, false)]
    public void Only_an_active_or_paused_candidate_is_writing(string status, bool noneWriting)
    {
        Assert.True(_board.NoneWriting);
        _board.Report(Line("s-1", AttemptStatuses.Submitted));
        _board.Report(Line("s-2", status));

        Assert.Equal(noneWriting, _board.NoneWriting);
    }
}
