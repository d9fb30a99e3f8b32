using Orleans.Concurrency;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// A lesson plan's call to itself that writes its queued ops, made by <see cref="LessonPrepGrain"/> alone (the Api
/// knows nothing of it). A call and not a task of the activation's own, so that Orleans runs it as a turn like any
/// command's: applying a batch never interleaves with another command, and waiting commands keep their place in line.
/// </summary>
[Alias("collab.ILessonOpWriter")]
public interface ILessonOpWriter : IGrainWithStringKey
{
    /// <summary>One-way: each submitter awaits its own op's outcome, not this call.</summary>
    [Alias("WriteQueuedOps"), OneWay]
    Task WriteQueuedOpsAsync();
}
