namespace Collab.Grains.Homework;

[GenerateSerializer, Alias("collab.homework.UserHomeworkState")]
public sealed class UserHomeworkState
{
    /// <summary>Oldest first, the latest <see cref="UserHomeworkGrain.Kept"/>.</summary>
    [Id(0)]
    public List<string> HomeworkIds { get; set; } = [];
}
