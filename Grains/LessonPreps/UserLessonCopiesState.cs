namespace Collab.Grains.LessonPreps;

[GenerateSerializer, Alias("collab.lessonprep.UserLessonCopiesState")]
public sealed class UserLessonCopiesState
{
    /// <summary>Oldest first, the latest <see cref="UserLessonCopiesGrain.Kept"/>.</summary>
    [Id(0)]
    public List<string> CopyIds { get; set; } = [];
}
