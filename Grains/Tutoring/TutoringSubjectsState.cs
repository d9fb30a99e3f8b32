namespace Collab.Grains.Tutoring;

[GenerateSerializer, Alias("collab.tutoring.TutoringSubjectsState")]
public sealed class TutoringSubjectsState
{
    [Id(0)]
    public List<string> Subjects { get; set; } = [];
}
