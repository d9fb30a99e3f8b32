using Collab.Grains.Live;

namespace Collab.Grains.Homework;

[GenerateSerializer, Alias("collab.homework.HomeworkState")]
public sealed class HomeworkState : LiveState
{
    [Id(0)]
    public HomeworkSheet? Sheet { get; set; }

    /// <summary>Every student of the homework's classes, by user id, with the class they answer for (the first that lists them).</summary>
    [Id(1)]
    public Dictionary<string, string> StudentClasses { get; set; } = new(StringComparer.Ordinal);

    [Id(2)]
    public Dictionary<string, string> StudentNames { get; set; } = new(StringComparer.Ordinal);

    [Id(3)]
    public Dictionary<string, HomeworkSubmission> Submissions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The members (setter, teachers, students) whose list of homework does not name this one yet.</summary>
    [Id(250)]
    public List<string> Unlisted { get; set; } = [];
}
