namespace Collab.Grains.Classrooms;

[GenerateSerializer, Alias("collab.classrooms.UserClassroomsState")]
public sealed class UserClassroomsState
{
    /// <summary>Oldest first, the latest <see cref="UserClassroomsGrain.Kept"/>.</summary>
    [Id(0)]
    public List<string> ClassroomIds { get; set; } = [];
}
