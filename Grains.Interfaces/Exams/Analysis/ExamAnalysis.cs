namespace Collab.Grains.Interfaces.Exams.Analysis;

/// <summary>Everything the printable report and the spreadsheet downloads show, read in one pass over the attempts.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.ExamAnalysis")]
public sealed record ExamAnalysis(
    [property: Id(0)] string Title,
    [property: Id(1)] string Subject,
    [property: Id(2)] IReadOnlyList<PaperQuestion> Questions,
    [property: Id(3)] ExamResults Results,
    [property: Id(4)] IReadOnlyDictionary<string, IReadOnlyList<ResultGroup>> Groups,
    [property: Id(5)] IReadOnlyList<QuestionAnalysis> Items);
