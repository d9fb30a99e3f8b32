namespace Collab.Grains.Interfaces.Classrooms;

/// <summary>A classroom as <c>GET /api/classrooms/{id}</c> returns it; nothing in it is secret from its students.</summary>
[GenerateSerializer, Immutable, Alias("collab.classrooms.ClassroomInfo")]
public sealed record ClassroomInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Grade,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] string HostId,
    [property: Id(6)] string HostName,
    [property: Id(7)] string HostClassId,
    [property: Id(8)] IReadOnlyList<ClassroomClass> Classes,
    [property: Id(9)] string Status,
    [property: Id(10)] int QuestionCount);
