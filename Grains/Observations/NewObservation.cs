using Collab.Grains.Interfaces.Observations;

namespace Collab.Grains.Observations;

/// <summary>A <see cref="CreateObservation"/> that passed its field checks: trimmed text, a UTC start and a valid rubric.</summary>
public sealed record NewObservation(string GroupId, string Title, string TeacherId, string Subject, string Grade, DateTimeOffset StartsAt, Rubric Rubric);
