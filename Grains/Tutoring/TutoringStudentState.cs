using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Grains.Tutoring;

[GenerateSerializer, Alias("collab.tutoring.TutoringStudentState")]
public sealed class TutoringStudentState
{
    /// <summary>The student's finished sessions, oldest first, the latest <see cref="TutoringLimits.HistoryKept"/>.</summary>
    [Id(0)]
    public List<TutoringSessionRecord> Sessions { get; set; } = [];
}
