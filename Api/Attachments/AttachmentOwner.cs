using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Attachments;

/// <summary>What an attachment belongs to (PROTOCOL §9): <c>lessonprep/{id}</c>, <c>tutoring/{roomId}</c> or <c>exam/{id}</c>.</summary>
public sealed record AttachmentOwner(string Kind, string Id)
{
    public const string LessonPrep = "lessonprep";
    public const string Tutoring = "tutoring";
    public const string Exam = "exam";

    public static AttachmentOwner Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw CollabException.Invalid("owner is required: lessonprep/{id}, tutoring/{roomId} or exam/{id}");
        }
        var slash = value.IndexOf('/');
        var kind = slash < 0 ? value : value[..slash];
        var id = slash < 0 ? "" : value[(slash + 1)..];
        if (kind is not (LessonPrep or Tutoring or Exam) || id.Length is 0 or > 64
            || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw CollabException.Invalid($"owner '{value}' is not lessonprep/{{id}}, tutoring/{{roomId}} or exam/{{id}}");
        }
        return new AttachmentOwner(kind, id);
    }

    public override string ToString() => $"{Kind}/{Id}";
}
