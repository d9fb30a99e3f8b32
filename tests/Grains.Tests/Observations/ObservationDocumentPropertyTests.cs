using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Interfaces.Observations.Events;
using Collab.Grains.Observations;

namespace Collab.Grains.Tests.Observations;

/// <summary>
/// Random command sequences on the document, with fixed seeds so a failure repeats: what it aggregates and what a
/// replay of its logged notes rebuilds are checked against a plain recomputation.
/// </summary>
public sealed class ObservationDocumentPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 30, 0, TimeSpan.Zero);

    public static TheoryData<int> Seeds => new() { 1, 7, 42, 2026, 31337 };

    private static readonly Caller Leader = new("leader", "组长", Roles.Teacher, "一中", "东城区");
    private static readonly Caller Teacher = new("teacher", "王老师", Roles.Teacher, "一中", "东城区");

    private static List<Caller> Observers(int count) =>
        Enumerable.Range(0, count).Select(i => new Caller($"o{i}", $"观察者{i}", Roles.Teacher, $"学校{i % 3}", $"区{i % 4}")).ToList();

    /// <summary>A live lesson on a fresh state, built by the same calls the grain makes.</summary>
    private static ObservationState LiveLesson(Rubric? rubric = null)
    {
        var state = new ObservationState();
        var lesson = new ObservationDocument("ob-p", state);
        var members = new[] { Leader, Teacher }.Select(c => new GroupMember(c.UserId, c.Name, c.School, c.County, GroupRoles.Member)).ToList();
        var group = new GroupView(new GroupInfo("g", "组", "math", "7", ""), GroupRoles.Leader, members.Count, members, [], []);
        lesson.Create(lesson.Validate("g", new CreateObservation("课", Teacher.UserId, "数学", "七年级", T0, rubric)), group, Leader.UserId);
        lesson.Start(T0, Teacher.UserId);
        return state;
    }

    private static Dictionary<string, int> RandomScores(Random random, Rubric rubric)
    {
        var scores = rubric.Dimensions.ToDictionary(d => d.Key, _ => random.Next(1, 6));
        switch (random.Next(6))
        {
            case 0:
                scores[rubric.Dimensions[random.Next(rubric.Dimensions.Count)].Key] = random.Next(2) == 0 ? 0 : 6;
                break;
            case 1:
                scores["unknown"] = 3;
                break;
            case 2:
                scores.Remove(rubric.Dimensions[random.Next(rubric.Dimensions.Count)].Key);
                break;
        }
        return scores;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_aggregate_after_any_sequence_of_ratings_equals_one_computed_from_each_observers_last_valid_rating(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            var rubric = round % 2 == 0 ? null : new Rubric([new RubricDimension("a", "甲", 30), new RubricDimension("b", "乙", 45), new RubricDimension("c", "丙", 25)]);
            var state = LiveLesson(rubric);
            var lesson = new ObservationDocument("ob-p", state);
            var observers = Observers(random.Next(1, 12));
            var model = new Dictionary<string, Dictionary<string, int>>();
            var now = T0;
            for (var step = random.Next(1, 60); step > 0; step--)
            {
                now = now.AddMilliseconds(random.Next(1, 5000));
                var who = observers[random.Next(observers.Count)];
                var scores = RandomScores(random, lesson.Rubric);
                var valid = scores.Count == lesson.Rubric.Dimensions.Count
                    && lesson.Rubric.Dimensions.All(d => scores.TryGetValue(d.Key, out var s) && s is >= 1 and <= 5);
                try
                {
                    var accepted = lesson.Rate(who.UserId, scores, null, now);
                    Assert.True(valid);
                    Assert.Equal(model.ContainsKey(who.UserId), accepted.Replaced);
                    model[who.UserId] = new Dictionary<string, int>(scores);
                }
                catch (CollabException refusal)
                {
                    Assert.False(valid);
                    Assert.Equal(ErrorCodes.InvalidArgument, refusal.Code);
                }
                if (step % 7 == 0 && random.Next(3) == 0 && lesson.EndPending())
                {
                    lesson.End(now, Teacher.UserId);
                }
            }

            var expected = RubricMaths.Aggregate(lesson.Rubric, model.Values.Select(s => (IReadOnlyDictionary<string, int>)s).ToList());
            var actual = lesson.Aggregate();
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.WeightedTotal, actual.WeightedTotal);
            Assert.Equal(expected.Dimensions, actual.Dimensions);
            Assert.Equal(expected.Count, lesson.PublishRatings().Count);
            Assert.Equal(expected.WeightedTotal, lesson.Report().WeightedTotal);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Replaying_the_logged_notes_on_the_snapshot_rebuilds_the_document_applied_live(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var live = LiveLesson();
            var lesson = new ObservationDocument("ob-p", live);
            var observers = Observers(random.Next(1, 6));
            var logged = new List<(string Json, DateTimeOffset At)>();
            var now = T0;
            for (var step = random.Next(1, 120); step > 0; step--)
            {
                now = now.AddMilliseconds(random.Next(0, 4000));
                var who = observers[random.Next(observers.Count)];
                DateTimeOffset? at = random.Next(3) switch
                {
                    0 => null,
                    1 => T0.AddTicks((long)(random.NextDouble() * (now - T0 + TimeSpan.FromSeconds(8)).Ticks)),
                    _ => now.AddTicks(-random.Next(0, 30_000_000)),
                };
                var visibility = random.Next(10) == 0 ? "hidden" : random.Next(2) == 0 ? NoteVisibility.Public : NoteVisibility.Private;
                var text = random.Next(15) == 0 ? "" : $"记录{step}·{new string('字', random.Next(0, 40))}";
                try
                {
                    var note = lesson.AddNote(who, text, at, visibility, now, 20);
                    logged.Add((LiveJson.Serialize(note), now));
                }
                catch (CollabException)
                {
                    // A refused note emits nothing to replay; the comparison below shows it changed nothing either.
                }
            }

            // The snapshot taken before the notes: the same lesson, built the same way.
            var replayedState = LiveLesson();
            var replayed = new ObservationDocument("ob-p", replayedState);
            foreach (var (json, at) in logged)
            {
                replayed.Record(LiveJson.Deserialize<NoteAddedEvent>(json), at);
            }

            Assert.Equal(live.NoteCount, replayedState.NoteCount);
            Assert.Equal(logged.Count, live.Notes.Count);
            Assert.Equal(LiveJson.Serialize(live.Notes), LiveJson.Serialize(replayedState.Notes));
            Assert.Equal(logged.Select(l => l.At), replayedState.Notes.Select(n => n.WrittenAt));
            foreach (var observer in observers)
            {
                Assert.Equal(lesson.NotesSeenBy(observer.UserId), replayed.NotesSeenBy(observer.UserId));
            }
        }
    }
}
