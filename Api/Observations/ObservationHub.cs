using Collab.Api.Live;
using Collab.Grains.Interfaces.Observations;

namespace Collab.Api.Observations;

/// <summary>Hub of PROTOCOL §3 at <c>/hubs/observation</c>; Join, Leave and Sync come from <see cref="LiveHub{THub,TGrain}"/>.</summary>
public sealed class ObservationHub(IGrainFactory grains, LiveStreamBridge<ObservationHub, IObservationGrain> bridge)
    : LiveHub<ObservationHub, IObservationGrain>(grains, bridge)
{
    public Task<LessonTimes> Start(string id) => Grain(id).StartAsync(Caller);

    public Task<LessonTimes> End(string id) => Grain(id).EndAsync(Caller);

    public Task<NoteAdded> AddNote(string id, AddNoteRequest request) =>
        Grain(id).AddNoteAsync(Caller, Command(request.ClientId, request.ClientSeq), request.Text ?? "", request.At, request.Visibility ?? NoteVisibility.Public);

    public Task<RatingAccepted> Rate(string id, RateRequest request) =>
        Grain(id).RateAsync(Caller, Command(request.ClientId, request.ClientSeq), request.Scores ?? [], request.Comment);

    public Task<ObservationInfo> SetRubric(string id, Rubric rubric) => Grain(id).SetRubricAsync(Caller, rubric);

    public Task<ObservationReport> FinalizeReport(string id) => Grain(id).FinalizeReportAsync(Caller);
}
