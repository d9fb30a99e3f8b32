namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>The directory key of a subject: trimmed and lower-case, so "Math " and "math" list together.</summary>
public static class TutoringSubjects
{
    public static string Key(string subject) => subject.Trim().ToLowerInvariant();
}
