namespace Collab.Grains.Interfaces.Exams.Regrading;

/// <summary>The actions of the audit log.</summary>
public static class AuditActions
{
    public const string KeyChanged = "key.changed";
    public const string Marked = "mark.recorded";
    public const string Arbitrated = "mark.arbitrated";
}
