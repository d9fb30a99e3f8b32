using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Live;

namespace Collab.Grains.Classrooms;

[GenerateSerializer, Alias("collab.classrooms.ClassroomState")]
public sealed class ClassroomState : LiveState
{
    [Id(0)]
    public ClassroomInfo? Info { get; set; }

    /// <summary>Every student of the classroom's classes, by user id, with the class they answer for.</summary>
    [Id(1)]
    public Dictionary<string, string> StudentClasses { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every teacher of each class, by class id, as the directory named them at creation.</summary>
    [Id(2)]
    public Dictionary<string, List<string>> ClassTeachers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Pushed questions, oldest first; the last is the current one.</summary>
    [Id(3)]
    public List<PushedQuestion> Questions { get; set; } = [];

    /// <summary>An answer or a count has come in since the last <c>tally.updated</c>.</summary>
    [Id(4)]
    public bool TallyUnpublished { get; set; }
}
