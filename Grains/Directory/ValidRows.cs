namespace Collab.Grains.Directory;

/// <summary>A school row that passed the import's checks, trimmed.</summary>
public sealed record ValidSchool(string Code, string Name, string County);

/// <summary>A person row that passed the import's checks; <see cref="Subjects"/> is stored as one text, comma separated.</summary>
public sealed record ValidPerson(string UserId, string Name, string Role, string SchoolCode, string Subjects);

/// <summary>A class row that passed the import's checks; its member lists hold no id twice.</summary>
public sealed record ValidClass(string Id, string SchoolCode, string Name, string Grade, IReadOnlyList<string> TeacherIds, IReadOnlyList<string> StudentIds);
