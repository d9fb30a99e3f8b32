using Collab.Grains.Interfaces.Live;
using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Interfaces.Observations.Events;
using Collab.Grains.Observations;

namespace Collab.Grains.Tests.Observations;

/// <summary>The rules of an observed lesson on the document alone: no cluster, the time given by each test.</summary>
public sealed class ObservationDocumentTests
{
    private const int PerMinute = 20;

    private static readonly DateTimeOffset StartsAt = new(2026, 11, 24, 1, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 31, 0, TimeSpan.Zero);

    private static readonly Caller Leader = new("leader", "组长张老师", Roles.Teacher, "一中", "东城区");
    private static readonly Caller Teacher = new("teacher", "王老师", Roles.Teacher, "一中", "东城区");
    private static readonly Caller ObserverA = new("a", "李老师", Roles.Teacher, "二中", "西城区");
    private static readonly Caller ObserverB = new("b", "赵老师", Roles.Teacher, "三中", "");

    private readonly ObservationState _state = new();

    private ObservationDocument Lesson => new("ob-1", _state);

    private static GroupView Group(string? myRole, params Caller[] members) =>
        new(new GroupInfo("g-1", "初中数学教研组", "math", "7", ""), myRole, members.Length,
            members.Select(m => new GroupMember(m.UserId, m.Name, m.School, m.County, m == Leader ? GroupRoles.Leader : GroupRoles.Member)).ToList(), [], []);

    private static GroupView FullGroup(string myRole) => Group(myRole, Leader, Teacher, ObserverA, ObserverB);

    private static CreateObservation Command(Rubric? rubric = null) => new(" 公开课 ", "teacher", "数学", "七年级", StartsAt, rubric);

    private ObservationDocument Scheduled()
    {
        Lesson.Create(Lesson.Validate("g-1", Command()), FullGroup(GroupRoles.Leader), Leader.UserId);
        return Lesson;
    }

    private ObservationDocument Live()
    {
        Scheduled().Start(T0, Teacher.UserId);
        return Lesson;
    }

    private ObservationDocument Ended(DateTimeOffset at)
    {
        Live().End(at, Teacher.UserId);
        return Lesson;
    }

    private static Dictionary<string, int> Uniform(int score) => DefaultRubric.Create().Dimensions.ToDictionary(d => d.Key, _ => score);

    private static void Refused(string code, Action call) => Assert.Equal(code, Assert.Throws<CollabException>(call).Code);

    private string StateJson => JsonSerializer.Serialize(_state);

    /// <summary>A refused command leaves the state exactly as it was.</summary>
    private void RefusedUnchanged(string code, Action call)
    {
        var before = StateJson;
        Refused(code, call);
        Assert.Equal(before, StateJson);
    }

    [Fact]
    public void Validate_trims_the_fields_takes_the_start_as_utc_and_gives_the_default_rubric()
    {
        var plan = Lesson.Validate(" g-1 ", Command() with { StartsAt = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(8)) });

        Assert.Equal("g-1", plan.GroupId);
        Assert.Equal("公开课", plan.Title);
        Assert.Equal(StartsAt, plan.StartsAt);
        Assert.Equal(TimeSpan.Zero, plan.StartsAt.Offset);
        Assert.Equal(DefaultRubric.Create().Dimensions.Select(d => (d.Key, d.Weight)), plan.Rubric.Dimensions.Select(d => (d.Key, d.Weight)));
    }

    [Fact]
    public void Validate_refuses_missing_and_oversized_fields_and_an_existing_observation()
    {
        Refused(ErrorCodes.InvalidArgument, () => Lesson.Validate("", Command()));
        Refused(ErrorCodes.InvalidArgument, () => Lesson.Validate("g-1", Command() with { Title = "  " }));
        Refused(ErrorCodes.TooLarge, () => Lesson.Validate("g-1", Command() with { Title = new string('课', ObservationLimits.TitleLength + 1) }));
        Refused(ErrorCodes.TooLarge, () => Lesson.Validate("g-1", Command() with { Subject = new string('x', ObservationLimits.ShortFieldLength + 1) }));
        Refused(ErrorCodes.InvalidArgument, () => Lesson.Validate("g-1", Command() with { Grade = "" }));
        Refused(ErrorCodes.InvalidArgument, () => Lesson.Validate("g-1", Command() with { StartsAt = default }));
        Refused(ErrorCodes.InvalidArgument, () => Lesson.Validate("g-1", Command(new Rubric([new RubricDimension("only", "唯一", 100)]))));

        Scheduled();
        Refused(ErrorCodes.Conflict, () => Lesson.Validate("g-1", Command()));
    }

    [Fact]
    public void The_leader_or_the_teacher_schedules_a_lesson_of_a_member()
    {
        var plan = Lesson.Validate("g-1", Command());

        RefusedUnchanged(ErrorCodes.NotMember, () => Lesson.Create(plan, Group(null, Leader, Teacher), ObserverA.UserId));
        RefusedUnchanged(ErrorCodes.Forbidden, () => Lesson.Create(plan, FullGroup(GroupRoles.Member), ObserverA.UserId));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.Create(plan, Group(GroupRoles.Leader, Leader, ObserverA), Leader.UserId));
        Assert.False(Lesson.Exists);

        Lesson.Create(plan, FullGroup(GroupRoles.Member), Teacher.UserId);

        Assert.Equal(ObservationStatuses.Scheduled, Lesson.Status);
        Assert.Equal("王老师", Lesson.Report().TeacherName);
        Assert.Equal(new ObservationInfo("ob-1", "g-1", "公开课", "teacher", "数学", "七年级", StartsAt, ObservationStatuses.Scheduled, plan.Rubric), Lesson.Info());
    }

    [Fact]
    public void Only_the_teacher_and_the_leader_conduct_the_lesson()
    {
        Scheduled();

        Lesson.RequireConductor(Teacher.UserId, GroupRoles.Member);
        Lesson.RequireConductor(Leader.UserId, GroupRoles.Leader);
        Refused(ErrorCodes.Forbidden, () => Lesson.RequireConductor(ObserverA.UserId, GroupRoles.Member));
    }

    [Fact]
    public void An_observation_not_created_is_not_found()
    {
        Refused(ErrorCodes.NotFound, () => _ = Lesson.GroupId);
        Refused(ErrorCodes.NotFound, () => _ = Lesson.Rubric);
    }

    [Fact]
    public void The_rubric_changes_only_before_the_start_and_only_to_a_valid_one()
    {
        Scheduled();
        var rubric = new Rubric([new RubricDimension("a", "甲", 40), new RubricDimension("b", "乙", 60)]);

        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.SetRubric(null, Leader.UserId));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.SetRubric(new Rubric([new RubricDimension("a", "甲", 40)]), Leader.UserId));
        var changed = Lesson.SetRubric(rubric, Leader.UserId);

        Assert.Equal(["a", "b"], changed.Rubric.Dimensions.Select(d => d.Key));
        Assert.Equal(changed.Rubric, Lesson.Rubric);
        Lesson.Start(T0, Teacher.UserId);
        RefusedUnchanged(ErrorCodes.Conflict, () => Lesson.SetRubric(rubric, Leader.UserId));
    }

    [Fact]
    public void Start_is_pending_only_while_scheduled_and_refused_once_ended()
    {
        Scheduled();
        Assert.True(Lesson.StartPending());

        var started = Lesson.Start(T0, Teacher.UserId);

        Assert.Equal(new LessonStartedEvent(T0, Teacher.UserId), started);
        Assert.False(Lesson.StartPending());
        Lesson.End(T0.AddMinutes(40), Teacher.UserId);
        Refused(ErrorCodes.Conflict, () => Lesson.StartPending());
        Lesson.Finalize(T0.AddMinutes(50), Teacher.UserId);
        Refused(ErrorCodes.Conflict, () => Lesson.StartPending());
        Assert.Equal(new LessonTimes(ObservationStatuses.Finalized, T0, T0.AddMinutes(40)), Lesson.Times());
    }

    [Fact]
    public void End_is_refused_before_the_start_and_counts_whole_seconds_of_the_lesson()
    {
        Scheduled();
        Refused(ErrorCodes.Conflict, () => Lesson.EndPending());
        Lesson.Start(T0, Teacher.UserId);
        Assert.True(Lesson.EndPending());

        var ended = Lesson.End(T0.AddSeconds(2399.999), Teacher.UserId);

        Assert.Equal(2399, ended.DurationSeconds);
        Assert.Equal(ObservationStatuses.Ended, Lesson.Status);
        Assert.False(Lesson.EndPending());
    }

    [Fact]
    public void A_note_is_taken_only_while_the_lesson_is_live()
    {
        Scheduled();
        RefusedUnchanged(ErrorCodes.NotOpen, () => Lesson.AddNote(ObserverA, "早到", null, NoteVisibility.Public, T0, PerMinute));
        Lesson.Start(T0, Teacher.UserId);
        Lesson.AddNote(ObserverA, "导入", null, NoteVisibility.Public, T0.AddSeconds(30), PerMinute);
        Lesson.End(T0.AddMinutes(40), Teacher.UserId);
        RefusedUnchanged(ErrorCodes.Closed, () => Lesson.AddNote(ObserverA, "迟到", null, NoteVisibility.Public, T0.AddMinutes(41), PerMinute));
    }

    [Fact]
    public void A_note_needs_a_known_visibility_and_non_empty_text_of_at_most_2000_characters_kept_as_written()
    {
        Live();
        var now = T0.AddMinutes(1);

        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.AddNote(ObserverA, "文字", null, "secret", now, PerMinute));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.AddNote(ObserverA, "文字", null, null!, now, PerMinute));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.AddNote(ObserverA, " \n ", null, NoteVisibility.Public, now, PerMinute));
        RefusedUnchanged(ErrorCodes.TooLarge, () => Lesson.AddNote(ObserverA, new string('字', ObservationLimits.NoteLength + 1), null, NoteVisibility.Public, now, PerMinute));
        var longest = Lesson.AddNote(ObserverA, new string('字', ObservationLimits.NoteLength), null, NoteVisibility.Public, now, PerMinute);
        var spaced = Lesson.AddNote(ObserverA, "  缩进\n", null, NoteVisibility.Public, now, PerMinute);

        Assert.Equal(ObservationLimits.NoteLength, longest.Text.Length);
        Assert.Equal("  缩进\n", spaced.Text);
        Assert.Equal(["n1", "n2"], Lesson.NotesSeenBy(ObserverB.UserId).Select(n => n.Id));
    }

    [Fact]
    public void A_note_time_lies_from_the_start_to_now_with_a_little_tolerance_ahead_at_millisecond_precision()
    {
        Live();
        var now = T0.AddMinutes(5);

        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.AddNote(ObserverA, "课前", T0.AddMilliseconds(-1), NoteVisibility.Public, now, PerMinute));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.AddNote(ObserverA, "未来", now + ObservationLimits.NoteClockTolerance + TimeSpan.FromMilliseconds(1), NoteVisibility.Public, now, PerMinute));
        var byDefault = Lesson.AddNote(ObserverA, "现在", null, NoteVisibility.Public, now, PerMinute);
        var ahead = Lesson.AddNote(ObserverA, "稍快", now + ObservationLimits.NoteClockTolerance, NoteVisibility.Public, now, PerMinute);
        var atStart = Lesson.AddNote(ObserverA, "准时", T0, NoteVisibility.Public, now, PerMinute);
        var local = Lesson.AddNote(ObserverA, "北京时间", new DateTimeOffset(2026, 11, 24, 9, 32, 5, TimeSpan.FromHours(8)).AddTicks(7_654_321), NoteVisibility.Public, now, PerMinute);

        Assert.Equal((now, 300), (byDefault.At, byDefault.OffsetSeconds));
        Assert.Equal((now, 300), (ahead.At, ahead.OffsetSeconds));
        Assert.Equal((T0, 0), (atStart.At, atStart.OffsetSeconds));
        Assert.Equal(T0.AddSeconds(65).AddMilliseconds(765), local.At);
        Assert.Equal(TimeSpan.Zero, local.At.Offset);
        Assert.Equal(65, local.OffsetSeconds);
        Assert.Equal(["准时", "北京时间", "现在", "稍快"], Lesson.NotesSeenBy(ObserverB.UserId).Select(n => n.Text));
    }

    [Fact]
    public void An_author_may_write_at_most_the_budget_of_notes_a_minute_and_others_are_not_held_back()
    {
        Live();
        var now = T0.AddMinutes(10);
        for (var i = 0; i < 3; i++)
        {
            Lesson.AddNote(ObserverA, $"第{i}条", null, NoteVisibility.Public, now.AddSeconds(i), 3);
        }

        RefusedUnchanged(ErrorCodes.RateLimited, () => Lesson.AddNote(ObserverA, "太快", null, NoteVisibility.Private, now.AddSeconds(59), 3));
        Lesson.AddNote(ObserverB, "另一位", null, NoteVisibility.Public, now.AddSeconds(59), 3);
        // A minute after the first, one of the three has left the window.
        Lesson.AddNote(ObserverA, "一分钟后", null, NoteVisibility.Public, now.AddSeconds(60), 3);
        RefusedUnchanged(ErrorCodes.RateLimited, () => Lesson.AddNote(ObserverA, "又太快", null, NoteVisibility.Public, now.AddSeconds(60.5), 3));
    }

    [Fact]
    public void A_note_about_an_earlier_moment_counts_in_the_minute_it_was_written()
    {
        Live();
        var now = T0.AddMinutes(10);
        Lesson.AddNote(ObserverA, "补记开场", T0, NoteVisibility.Public, now, 1);

        RefusedUnchanged(ErrorCodes.RateLimited, () => Lesson.AddNote(ObserverA, "再记", null, NoteVisibility.Public, now.AddSeconds(10), 1));
    }

    [Fact]
    public void An_observation_holds_at_most_2000_notes()
    {
        Live();
        var observers = Enumerable.Range(0, 100).Select(i => new Caller($"o{i}", $"观察者{i}", Roles.Teacher, "", "")).ToList();
        for (var i = 0; i < ObservationLimits.Notes; i++)
        {
            Lesson.AddNote(observers[i % observers.Count], "记录", null, NoteVisibility.Public, T0.AddSeconds(i), PerMinute);
        }

        RefusedUnchanged(ErrorCodes.Conflict, () => Lesson.AddNote(ObserverA, "第2001条", null, NoteVisibility.Public, T0.AddHours(1), PerMinute));
        Assert.Equal("n2000", Lesson.NotesSeenBy(ObserverA.UserId)[^1].Id);
    }

    [Fact]
    public void A_private_note_is_seen_by_its_author_alone_and_never_in_the_report()
    {
        Live();
        var mine = Lesson.AddNote(ObserverA, "私人：可以追问", null, NoteVisibility.Private, T0.AddSeconds(10), PerMinute);
        var shared = Lesson.AddNote(ObserverA, "公开：板书清楚", null, NoteVisibility.Public, T0.AddSeconds(20), PerMinute);

        Assert.Equal("a", ObservationDocument.AudienceOf(mine));
        Assert.Null(ObservationDocument.AudienceOf(shared));
        Assert.Equal([mine, shared], Lesson.NotesSeenBy(ObserverA.UserId));
        Assert.Equal([shared], Lesson.NotesSeenBy(ObserverB.UserId));
        Assert.Equal([shared], Lesson.NotesSeenBy(Teacher.UserId));
        var snapshotForB = JsonDocument.Parse(LiveJson.Serialize(Lesson.Snapshot(ObserverB.UserId, []))).RootElement;
        Assert.Equal(["n2"], snapshotForB.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));

        Lesson.End(T0.AddMinutes(40), Teacher.UserId);
        Assert.Equal(["n2"], Lesson.Report().Notes.Select(n => n.Id));
    }

    [Fact]
    public void The_teacher_does_not_rate_their_own_lesson()
    {
        Live();

        Refused(ErrorCodes.Forbidden, () => Lesson.RequireRater(Teacher.UserId));
        Lesson.RequireRater(ObserverA.UserId);
    }

    [Fact]
    public void Rating_opens_at_the_start_stays_open_after_the_end_and_closes_when_final()
    {
        Scheduled();
        RefusedUnchanged(ErrorCodes.NotOpen, () => Lesson.Rate(ObserverA.UserId, Uniform(4), null, T0));
        Lesson.Start(T0, Teacher.UserId);
        Lesson.Rate(ObserverA.UserId, Uniform(4), null, T0.AddMinutes(1));
        Lesson.End(T0.AddMinutes(40), Teacher.UserId);
        var late = Lesson.Rate(ObserverA.UserId, Uniform(5), null, T0.AddMinutes(45));
        Lesson.Finalize(T0.AddMinutes(50), Teacher.UserId);

        Assert.True(late.Replaced);
        RefusedUnchanged(ErrorCodes.Closed, () => Lesson.Rate(ObserverB.UserId, Uniform(3), null, T0.AddMinutes(51)));
        Assert.Equal(100, Lesson.Report().WeightedTotal);
    }

    [Fact]
    public void A_rating_scores_every_dimension_of_the_rubric_from_1_to_5_and_nothing_else()
    {
        Live();
        var now = T0.AddMinutes(1);

        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.Rate(ObserverA.UserId, null!, null, now));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.Rate(ObserverA.UserId, new Dictionary<string, int>(), null, now));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.Rate(ObserverA.UserId, Uniform(4).Where(p => p.Key != "skill").ToDictionary(), null, now));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.Rate(ObserverA.UserId, new Dictionary<string, int>(Uniform(4)) { ["humour"] = 5 }, null, now));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.Rate(ObserverA.UserId, new Dictionary<string, int>(Uniform(4)) { ["effect"] = 0 }, null, now));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Lesson.Rate(ObserverA.UserId, new Dictionary<string, int>(Uniform(4)) { ["effect"] = 6 }, null, now));
        RefusedUnchanged(ErrorCodes.TooLarge, () => Lesson.Rate(ObserverA.UserId, Uniform(4), new string('评', ObservationLimits.CommentLength + 1), now));
        Assert.False(Lesson.RatingsUnpublished);

        var accepted = Lesson.Rate(ObserverA.UserId, Uniform(1), "  重点突出  ", now);

        Assert.Equal(new RatingAccepted(now, false, 20), accepted);
        Assert.True(Lesson.RatingsUnpublished);
    }

    [Fact]
    public void A_later_rating_by_the_same_observer_replaces_the_earlier_one()
    {
        Live();
        Lesson.Rate(ObserverA.UserId, Uniform(2), "先", T0.AddMinutes(1));
        Lesson.Rate(ObserverB.UserId, Uniform(4), null, T0.AddMinutes(2));

        var again = Lesson.Rate(ObserverA.UserId, Uniform(5), "后", T0.AddMinutes(3));

        Assert.Equal(new RatingAccepted(T0.AddMinutes(3), true, 100), again);
        var aggregate = Lesson.Aggregate();
        Assert.Equal(2, aggregate.Count);
        Assert.Equal(90, aggregate.WeightedTotal);
        Assert.All(aggregate.Dimensions, d => Assert.Equal(4.5, d.Mean));
    }

    [Fact]
    public void The_published_aggregate_is_null_before_any_rating_and_publishing_clears_the_flag()
    {
        Live();
        var none = Lesson.PublishRatings();
        Assert.Equal(0, none.Count);
        Assert.Null(none.WeightedTotal);
        Assert.Empty(none.Mean);

        Lesson.Rate(ObserverA.UserId, Uniform(3), null, T0.AddMinutes(1));
        var published = Lesson.PublishRatings();

        Assert.False(Lesson.RatingsUnpublished);
        Assert.Equal(1, published.Count);
        Assert.Equal(60, published.WeightedTotal);
        Assert.Equal(DefaultRubric.Create().Dimensions.Select(d => d.Key).Order(), published.Mean.Keys.Order());
    }

    [Fact]
    public void Each_participant_but_the_teacher_is_an_observer_once()
    {
        Live();

        Assert.False(Lesson.RecordObserver(Teacher));
        Assert.True(Lesson.IsNewObserver(ObserverA.UserId));
        Assert.True(Lesson.RecordObserver(ObserverA));
        Assert.False(Lesson.RecordObserver(ObserverA with { Name = "改名" }));
        Assert.False(Lesson.IsNewObserver(ObserverA.UserId));
        Assert.False(Lesson.IsNewObserver(Teacher.UserId));
        Assert.True(Lesson.RecordObserver(ObserverB));

        Lesson.End(T0.AddMinutes(40), Teacher.UserId);
        var report = Lesson.Report();
        Assert.Equal(2, report.ObserverCount);
        Assert.Equal([("unknown", 1), ("西城区", 1)], report.ObserversByCounty.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void The_report_opens_at_the_end_and_finalizes_once_after_it()
    {
        Scheduled();
        Refused(ErrorCodes.NotOpen, () => Lesson.RequireReportOpen());
        Refused(ErrorCodes.Conflict, () => Lesson.FinalizePending());
        Lesson.Start(T0, Teacher.UserId);
        Refused(ErrorCodes.NotOpen, () => Lesson.RequireReportOpen());
        Refused(ErrorCodes.Conflict, () => Lesson.FinalizePending());
        Assert.False(Lesson.FinalizesBy(T0.AddDays(2), TimeSpan.FromHours(24)));
        var end = T0.AddMinutes(40);
        Lesson.End(end, Teacher.UserId);

        Lesson.RequireReportOpen();
        Assert.True(Lesson.FinalizePending());
        Assert.False(Lesson.Report().Final);
        Assert.False(Lesson.FinalizesBy(end.AddHours(24).AddMilliseconds(-1), TimeSpan.FromHours(24)));
        Assert.True(Lesson.FinalizesBy(end.AddHours(24), TimeSpan.FromHours(24)));

        var ready = Lesson.Finalize(end.AddHours(24), null);

        Assert.Equal(new ReportReadyEvent(end.AddHours(24), 0, 0, null), ready);
        Assert.False(Lesson.FinalizePending());
        Assert.False(Lesson.FinalizesBy(end.AddDays(3), TimeSpan.FromHours(24)));
        Lesson.RequireReportOpen();
        Assert.True(Lesson.Report().Final);
        Assert.Equal(end.AddHours(24), Lesson.Report().FinalizedAt);
    }

    [Fact]
    public void The_report_holds_the_aggregate_the_public_notes_in_lesson_order_and_the_comments_in_rating_order()
    {
        Live();
        Lesson.AddNote(ObserverB, "后写先发生", T0.AddSeconds(5), NoteVisibility.Public, T0.AddSeconds(90), PerMinute);
        Lesson.AddNote(ObserverA, "先写", T0.AddSeconds(60), NoteVisibility.Public, T0.AddSeconds(60), PerMinute);
        Lesson.AddNote(ObserverA, "同一时刻后写", T0.AddSeconds(60), NoteVisibility.Public, T0.AddSeconds(70), PerMinute);
        Lesson.RecordObserver(ObserverA);
        Lesson.Rate(ObserverB.UserId, Uniform(3), "节奏紧凑", T0.AddMinutes(2));
        Lesson.Rate(ObserverA.UserId, Uniform(5), "", T0.AddMinutes(3));
        Lesson.Rate("stranger", Uniform(4), "匿名", T0.AddMinutes(4));
        Lesson.End(T0.AddMinutes(40), Teacher.UserId);

        var report = Lesson.Report();

        Assert.Equal(["后写先发生", "先写", "同一时刻后写"], report.Notes.Select(n => n.Text));
        Assert.Equal([5, 60, 60], report.Notes.Select(n => n.OffsetSeconds));
        Assert.Equal(3, report.RatingCount);
        Assert.Equal(80, report.WeightedTotal);
        Assert.Equal(["b", "stranger"], report.Comments.Select(c => c.UserId));
        // A rater not among the observers is named by their id, with no school or county.
        Assert.Equal(("stranger", "", ""), (report.Comments[1].Name, report.Comments[1].School, report.Comments[1].County));
        Assert.Equal("ob-1", report.Id);
        Assert.Equal((ObservationStatuses.Ended, T0, T0.AddMinutes(40)), (report.Status, report.StartedAt!.Value, report.EndedAt!.Value));
    }

    [Fact]
    public void The_snapshot_shows_the_callers_own_rating_alone_and_the_aggregate_to_everyone()
    {
        Live();
        Lesson.Rate(ObserverA.UserId, Uniform(5), "好", T0.AddMinutes(1));
        Lesson.Rate(ObserverB.UserId, Uniform(3), null, T0.AddMinutes(2));

        var forA = JsonDocument.Parse(LiveJson.Serialize(Lesson.Snapshot(ObserverA.UserId, ["a", "b"]))).RootElement;
        var forTeacher = JsonDocument.Parse(LiveJson.Serialize(Lesson.Snapshot(Teacher.UserId, ["teacher"]))).RootElement;

        Assert.Equal(100, forA.GetProperty("myRating").GetProperty("weightedTotal").GetDouble());
        Assert.Equal("好", forA.GetProperty("myRating").GetProperty("comment").GetString());
        Assert.Equal(JsonValueKind.Null, forTeacher.GetProperty("myRating").ValueKind);
        Assert.Equal(80, forTeacher.GetProperty("aggregate").GetProperty("weightedTotal").GetDouble());
        Assert.Equal(2, forTeacher.GetProperty("aggregate").GetProperty("count").GetInt32());
        Assert.Equal(["a", "b"], forA.GetProperty("online").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(ObservationStatuses.Live, forTeacher.GetProperty("status").GetString());
    }
}
