namespace Collab.Api.Exams;

public sealed record FocusReport(bool Lost, DateTimeOffset? At);
