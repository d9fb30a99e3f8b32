namespace Collab.Grains.Exams;

/// <summary>Why an attempt was submitted, as <c>attempt.submitted {reason}</c> tells the student.</summary>
public static class SubmitReasons
{
    public const string Student = "student";
    public const string Deadline = "deadline";
    public const string Proctor = "proctor";
}
