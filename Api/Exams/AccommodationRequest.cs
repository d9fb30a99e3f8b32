namespace Collab.Api.Exams;

/// <summary>The body of <c>POST /api/exams/{id}/accommodations</c> (PROTOCOL §7).</summary>
public sealed record AccommodationRequest(string? StudentId, int ExtraMinutes);
