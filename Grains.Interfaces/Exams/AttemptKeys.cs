namespace Collab.Grains.Interfaces.Exams;

/// <summary>Grain keys that combine an exam id (which never holds a colon) with a student or question id.</summary>
public static class AttemptKeys
{
    public static string Of(string examId, string otherId) => $"{examId}:{otherId}";

    public static (string ExamId, string OtherId) Split(string key)
    {
        var colon = key.IndexOf(':');
        return (key[..colon], key[(colon + 1)..]);
    }
}
