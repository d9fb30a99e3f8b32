using System.Text.Json;
using Collab.Api.Live;
using Collab.Grains.Interfaces.Classrooms;

namespace Collab.Api.Classrooms;

/// <summary>Hub of PROTOCOL §8 at <c>/hubs/classroom</c>; Join, Leave and Sync come from <see cref="LiveHub{THub,TGrain}"/>.</summary>
public sealed class ClassroomHub(IGrainFactory grains, LiveStreamBridge<ClassroomHub, IClassroomGrain> bridge)
    : LiveHub<ClassroomHub, IClassroomGrain>(grains, bridge)
{
    public Task<ClassroomInfo> Start(string id) => Grain(id).StartAsync(Caller);

    public Task<ClassroomInfo> End(string id) => Grain(id).EndAsync(Caller);

    public async Task<object> PushQuestion(string id, PushQuestionRequest request) =>
        new { questionId = await Grain(id).PushQuestionAsync(Caller, Command(request.ClientId, request.ClientSeq), Raw(request.Question)) };

    public Task<AnswerAccepted> Answer(string id, ClassroomAnswerRequest request) =>
        Grain(id).AnswerAsync(Caller, Command(request.ClientId, request.ClientSeq), request.QuestionId ?? "", Raw(request.Answer));

    public Task<AnswerAccepted> SubmitTally(string id, SubmitTallyRequest request) =>
        Grain(id).SubmitTallyAsync(Caller, Command(request.ClientId, request.ClientSeq), request.QuestionId ?? "", request.ClassId ?? "",
            request.Counts ?? []);

    public Task CloseQuestion(string id, string questionId) => Grain(id).CloseQuestionAsync(Caller, questionId ?? "");

    public Task RevealAnswer(string id, string questionId) => Grain(id).RevealAnswerAsync(Caller, questionId ?? "");

    /// <summary>A missing field reaches the grain as JSON null, which it refuses with its own sentence.</summary>
    private static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.Undefined ? "null" : value.GetRawText();
}
