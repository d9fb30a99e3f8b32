using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Interfaces.Classrooms;

/// <summary>A pushed question as students and assistants see it: no field for its key, by construction.</summary>
[GenerateSerializer, Immutable, Alias("collab.classrooms.ClassroomQuestionView")]
public sealed record ClassroomQuestionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Stem,
    [property: Id(3)] IReadOnlyList<QuestionOption> Options,
    [property: Id(4)] int Blanks,
    [property: Id(5)] string Status);
