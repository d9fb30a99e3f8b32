namespace Collab.Api.CityDirectory;

/// <summary>
/// One row of an import as it was read, before the directory checks it: its kind, its number within that kind (from 1),
/// and its value (an <c>ImportSchool</c>, <c>ImportPerson</c>, <c>ImportClass</c> or, to deactivate, a user id), or,
/// when it could not even be read (a field of the wrong type), the field and why.
/// </summary>
public sealed record ImportRow(string Kind, int Row, object? Value, string? Field = null, string? Error = null);
