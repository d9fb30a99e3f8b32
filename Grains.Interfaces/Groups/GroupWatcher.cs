namespace Collab.Grains.Interfaces.Groups;

/// <summary>A grain inside a group that keeps a copy of its members and is told of each removal.</summary>
[GenerateSerializer, Immutable, Alias("collab.groups.GroupWatcher")]
public sealed record GroupWatcher(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id)
{
    public const string LessonPlan = "lessonprep";
    public const string Observation = "observation";
}
