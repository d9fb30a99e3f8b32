namespace Collab.Grains.Interfaces.Homework;

/// <summary>One class the homework is set for, as the directory held it when the homework was set.</summary>
[GenerateSerializer, Immutable, Alias("collab.homework.HomeworkClass")]
public sealed record HomeworkClass(
    [property: Id(0)] string ClassId,
    [property: Id(1)] string Name,
    [property: Id(2)] string SchoolCode,
    [property: Id(3)] string SchoolName,
    [property: Id(4)] IReadOnlyList<string> TeacherIds,
    [property: Id(5)] int StudentCount);
