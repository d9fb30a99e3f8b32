namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// An exam's life: written in draft, published for its roster, open from <c>opensAt</c>, closed when every attempt has
/// ended, and finally its results published to the students.
/// </summary>
public static class ExamStatuses
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Open = "open";
    public const string Closed = "closed";
    public const string ResultsPublished = "results_published";
}
