using System.Text.Json;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Classrooms;

/// <summary><c>question</c> stays a JsonElement here: the classroom reads it as the exam engine reads a question.</summary>
public sealed record PushQuestionRequest(string? ClientId, long ClientSeq, [property: FreeText] JsonElement Question);
