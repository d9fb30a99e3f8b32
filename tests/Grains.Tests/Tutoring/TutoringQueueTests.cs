using Collab.Grains.Interfaces.Common;
using Collab.Grains.Tutoring;

namespace Collab.Grains.Tests.Tutoring;

public sealed class TutoringQueueTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static QueueEntry Entry(string studentId, string topic = "topic") => new(studentId, studentId, topic, At);

    [Fact]
    public void Students_are_admitted_in_the_order_they_asked()
    {
        var queue = new TutoringQueue([], 10);
        Assert.Equal(1, queue.Request(Entry("a")));
        Assert.Equal(2, queue.Request(Entry("b")));
        Assert.Equal(3, queue.Request(Entry("c")));
        Assert.Equal(["a", "b", "c"], new[] { queue.TakeNext(), queue.TakeNext(), queue.TakeNext() }.Select(e => e!.StudentId));
        Assert.Null(queue.TakeNext());
    }

    [Fact]
    public void A_repeated_request_keeps_its_place_and_its_first_topic()
    {
        var queue = new TutoringQueue([], 10);
        queue.Request(Entry("a", "分数"));
        queue.Request(Entry("b"));
        Assert.Equal(1, queue.Request(Entry("a", "again")));
        Assert.Equal(2, queue.Count);
        Assert.Equal("分数", queue.Entries[0].Topic);
    }

    [Fact]
    public void A_cancelled_request_leaves_and_those_behind_move_up()
    {
        var queue = new TutoringQueue([], 10);
        queue.Request(Entry("a"));
        queue.Request(Entry("b"));
        queue.Request(Entry("c"));
        var before = queue.Positions();
        Assert.True(queue.Cancel("b"));
        Assert.False(queue.Cancel("b"));
        Assert.Null(queue.PositionOf("b"));
        Assert.Equal([("c", 2)], queue.MovedSince(before));
    }

    [Fact]
    public void A_full_queue_refuses_newcomers_but_answers_those_already_waiting()
    {
        var queue = new TutoringQueue([], 2);
        queue.Request(Entry("a"));
        queue.Request(Entry("b"));
        var error = Assert.Throws<CollabException>(() => queue.Request(Entry("c")));
        Assert.Equal(ErrorCodes.Conflict, error.Code);
        Assert.Equal(2, queue.Request(Entry("b")));
    }

    /// <summary>Seeded random sequences of requests, cancels and admissions against a trivially correct model.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    [InlineData(31337)]
    public void Random_operations_match_a_simple_model(int seed)
    {
        var random = new Random(seed);
        const int capacity = 12;
        var queue = new TutoringQueue([], capacity);
        var model = new List<string>();
        var admitted = new List<string>();
        for (var step = 0; step < 2000; step++)
        {
            var student = $"s{random.Next(20)}";
            var before = queue.Positions();
            switch (random.Next(4))
            {
                case 0 or 1:
                    if (!model.Contains(student) && model.Count >= capacity)
                    {
                        Assert.Throws<CollabException>(() => queue.Request(Entry(student)));
                        break;
                    }
                    if (!model.Contains(student))
                    {
                        model.Add(student);
                    }
                    Assert.Equal(model.IndexOf(student) + 1, queue.Request(Entry(student)));
                    break;
                case 2:
                    Assert.Equal(model.Remove(student), queue.Cancel(student));
                    break;
                default:
                    var next = queue.TakeNext();
                    Assert.Equal(model.FirstOrDefault(), next?.StudentId);
                    if (model.Count > 0)
                    {
                        admitted.Add(model[0]);
                        model.RemoveAt(0);
                    }
                    break;
            }
            Assert.Equal(model, queue.Entries.Select(e => e.StudentId));
            Assert.Equal(model.Count, model.Distinct().Count());
            var positions = queue.Positions();
            Assert.Equal(Enumerable.Range(1, model.Count), positions.Values.Order());
            foreach (var (studentId, position) in queue.MovedSince(before))
            {
                Assert.NotEqual(before.GetValueOrDefault(studentId), position);
                Assert.Equal(position, positions[studentId]);
            }
            Assert.Equal(positions.Count(p => before.GetValueOrDefault(p.Key) != p.Value), queue.MovedSince(before).Count);
        }
        Assert.NotEmpty(admitted);
    }
}
