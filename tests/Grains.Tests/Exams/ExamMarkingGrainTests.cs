using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.Exams;

/// <summary>
/// Double marking on the test cluster: a mark needs the marker's hold on the answer, each marker marks an answer once,
/// and the markers of a dispute neither settle it by marking again nor arbitrate it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExamMarkingGrainTests(ClusterFixture fixture)
{
    private static readonly Caller Author = new("t-marking", "组长", Roles.Teacher, "s-1", "c-1");
    private static readonly Caller First = new("t-marker-1", "甲", Roles.Teacher, "s-1", "c-1");
    private static readonly Caller Second = new("t-marker-2", "乙", Roles.Teacher, "s-1", "c-1");
    private static readonly Caller Third = new("t-marker-3", "丙", Roles.Teacher, "s-1", "c-1");

    /// <summary>The double-marking queue (tolerance 1) of a 10-point short answer, with one answer in it.</summary>
    private async Task<(IExamMarkingGrain Queue, string AttemptRef)> QueueAsync()
    {
        var examId = $"ex-{Guid.NewGuid():N}";
        var exam = fixture.Grains.GetGrain<IExamGrain>(examId);
        await exam.CreateAsync(Author, JsonSerializer.Serialize(new
        {
            title = "评卷",
            subject = "it",
            opensAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            durationMinutes = 40,
            lateJoinMinutes = 10,
            roster = new[] { "s-marked" },
            marking = new { mode = "double", tolerance = 1 },
            markers = new[] { First.UserId, Second.UserId, Third.UserId },
            questions = new[] { new { id = "q1", kind = "short", points = 10, stem = "简述" } },
        }));
        await exam.PublishAsync(Author);
        var queue = fixture.Grains.GetGrain<IExamMarkingGrain>(AttemptKeys.Of(examId, "q1"));
        await queue.EnqueueAsync("r-marked", "s-marked", new MarkingPolicy(MarkingPolicy.DoubleMode, 1));
        return (queue, "r-marked");
    }

    private static async Task<MarkRecorded> TakeAndMarkAsync(IExamMarkingGrain queue, Caller marker, decimal points)
    {
        var task = await queue.NextAsync(marker);
        Assert.NotNull(task);
        return await queue.MarkAsync(marker, task.AttemptRef, points);
    }

    private static async Task AssertRefusedAsync(string code, Func<Task> call) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<CollabException>(call)).Code);

    [Fact]
    public async Task The_markers_of_a_dispute_cannot_mark_it_again_or_arbitrate_it()
    {
        var (queue, attemptRef) = await QueueAsync();
        await TakeAndMarkAsync(queue, First, 2);
        await TakeAndMarkAsync(queue, Second, 8);

        // Marking again to agree with the other would settle the dispute by one of its own side.
        await AssertRefusedAsync(ErrorCodes.Forbidden, () => queue.MarkAsync(First, attemptRef, 8));
        await AssertRefusedAsync(ErrorCodes.Forbidden, () => queue.MarkAsync(Second, attemptRef, 2));
        Assert.Null((await TakeAndMarkAsync(queue, Third, 5)).Final);

        foreach (var marker in new[] { First, Second, Third })
        {
            Assert.Null(await queue.NextAsync(marker));
            await AssertRefusedAsync(ErrorCodes.Forbidden, () => queue.MarkAsync(marker, attemptRef, 5));
        }
        var arbitration = await queue.NextAsync(Author);
        Assert.True(arbitration!.Arbitration);
        Assert.Equal(6m, (await queue.MarkAsync(Author, attemptRef, 6)).Final);
    }

    [Fact]
    public async Task A_mark_needs_the_markers_own_hold_on_the_answer()
    {
        var (queue, attemptRef) = await QueueAsync();

        await AssertRefusedAsync(ErrorCodes.Conflict, () => queue.MarkAsync(First, attemptRef, 3));
        Assert.Equal(attemptRef, (await queue.NextAsync(Second))!.AttemptRef);
        await AssertRefusedAsync(ErrorCodes.Conflict, () => queue.MarkAsync(First, attemptRef, 3));

        Assert.Null((await queue.MarkAsync(Second, attemptRef, 3)).Final);
        Assert.Equal(3.5m, (await TakeAndMarkAsync(queue, First, 4)).Final);
    }
}
