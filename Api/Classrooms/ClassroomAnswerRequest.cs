using System.Text.Json;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Classrooms;

public sealed record ClassroomAnswerRequest(string? ClientId, long ClientSeq, string? QuestionId, [property: FreeText] JsonElement Answer);
