using System.Text.Json;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Exams;

/// <summary><c>answer</c> stays a JsonElement here: the attempt checks its shape against the question's kind.</summary>
public sealed record SaveAnswerRequest(string? ClientId, long ClientSeq, string? QuestionId, [property: FreeText] JsonElement Answer);
