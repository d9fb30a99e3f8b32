namespace Collab.Grains.Exams;

[GenerateSerializer, Alias("collab.exams.AuthorExamsState")]
public sealed class AuthorExamsState
{
    /// <summary>Oldest first, in the order the author created them.</summary>
    [Id(0)]
    public List<string> ExamIds { get; set; } = [];
}
