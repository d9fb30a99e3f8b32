namespace Collab.Api.CityDirectory;

/// <summary>How far an import is: rows checked and stored of all the file's rows, and the kind it is at.</summary>
public sealed record ImportProgress(string Kind, int Done, int Total);
