using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>
/// Reads and validates the body of <c>POST /api/exams</c> (and <c>PUT</c>): every refusal names the field, and for a
/// question its id. Unknown fields are ignored; a missing field and a JSON null are the same.
/// </summary>
public static partial class ExamSpecParser
{
    internal const int StudentIdLength = 64;
    internal const int QuestionIdLength = 32;
    internal const int OptionIdLength = 32;

    public static ExamSpec Parse(string json)
    {
        using var document = JsonFields.Parse(json, "the exam");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw CollabException.Invalid("the exam must be a JSON object");
        }
        var title = TextFields.Required(JsonFields.String(root, "title", "title"), "title", ExamLimits.TitleLength);
        var subject = TextFields.Required(JsonFields.String(root, "subject", "subject"), "subject", ExamLimits.SubjectLength);
        var questions = Questions(root);
        var opensAt = OpensAt(root);
        var duration = JsonFields.Int(root, "durationMinutes", "durationMinutes")
            ?? throw CollabException.Invalid("durationMinutes is required");
        if (duration is < 1 or > ExamLimits.DurationMinutesMax)
        {
            throw CollabException.Invalid($"durationMinutes must be from 1 to {ExamLimits.DurationMinutesMax}");
        }
        var lateJoin = JsonFields.Int(root, "lateJoinMinutes", "lateJoinMinutes") ?? 0;
        if (lateJoin < 0 || lateJoin > duration)
        {
            throw CollabException.Invalid($"lateJoinMinutes must be from 0 to durationMinutes ({duration})");
        }
        var rosterClasses = JsonFields.Array(root, "rosterClasses", "rosterClasses") is { } classes
            ? DistinctIds(classes, "rosterClasses", "class", ExamLimits.RosterClasses)
            : new List<string>();
        var rooms = RoomsParser.Parse(root);
        // A room's students and classes join the roster, so an exam seated by rooms need not list its students twice.
        var roster = Roster(root, rosterClasses.Count > 0 || rooms.Any(room => room.ClassIds.Count > 0 || room.StudentIds.Count > 0));
        var shuffleQuestions = JsonFields.Bool(root, "shuffleQuestions", "shuffleQuestions") ?? false;
        var shuffleOptions = JsonFields.Bool(root, "shuffleOptions", "shuffleOptions") ?? false;
        var marking = Marking(root);
        return new ExamSpec(title, subject, questions, opensAt, duration, lateJoin, roster, shuffleQuestions, shuffleOptions,
            marking, Markers(root), rosterClasses, rooms);
    }

    private static DateTimeOffset OpensAt(JsonElement root)
    {
        var text = JsonFields.String(root, "opensAt", "opensAt") ?? throw CollabException.Invalid("opensAt is required");
        // Without an explicit offset the instant would depend on the server's time zone.
        if (!ExplicitOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var opensAt))
        {
            throw CollabException.Invalid(
                "opensAt must be an ISO-8601 time with an offset, e.g. 2026-12-01T09:00:00+08:00 or 2026-12-01T01:00:00Z");
        }
        return opensAt.ToUniversalTime();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();

    /// <summary>The students named one by one; none is needed when classes are named.</summary>
    private static IReadOnlyList<string> Roster(JsonElement root, bool classesNamed)
    {
        var array = JsonFields.Array(root, "roster", "roster");
        if (array is null && classesNamed)
        {
            return new List<string>();
        }
        if (array is null)
        {
            throw CollabException.Invalid("roster (or rosterClasses) is required");
        }
        if (array.Value.GetArrayLength() == 0 && !classesNamed)
        {
            throw CollabException.Invalid("roster must list at least one student");
        }
        return DistinctIds(array.Value, "roster", "student", ExamLimits.RosterSize);
    }

    private static IReadOnlyList<string> Markers(JsonElement root) =>
        JsonFields.Array(root, "markers", "markers") is { } array
            ? DistinctIds(array, "markers", "marker", ExamLimits.Markers)
            : new List<string>();

    internal static List<string> DistinctIds(JsonElement array, string field, string what, int max)
    {
        var count = array.GetArrayLength();
        if (count > max)
        {
            throw CollabException.TooLarge($"{field} lists more than {max} {what}s");
        }
        var ids = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var label = $"{field}[{index++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                throw CollabException.Invalid($"{label} must be a {what} id string");
            }
            var id = Id(JsonFields.Text(item, label), label, StudentIdLength);
            if (!seen.Add(id))
            {
                throw CollabException.Invalid($"{field} lists {what} {id} more than once");
            }
            ids.Add(id);
        }
        return ids;
    }

    private static MarkingPolicy Marking(JsonElement root)
    {
        if (JsonFields.Object(root, "marking", "marking") is not { } marking)
        {
            return MarkingPolicy.Default;
        }
        var mode = JsonFields.String(marking, "mode", "marking.mode") ?? MarkingPolicy.SingleMode;
        if (mode is not (MarkingPolicy.SingleMode or MarkingPolicy.DoubleMode))
        {
            throw CollabException.Invalid($"marking.mode must be \"{MarkingPolicy.SingleMode}\" or \"{MarkingPolicy.DoubleMode}\"");
        }
        var tolerance = JsonFields.Decimal(marking, "tolerance", "marking.tolerance") ?? 0;
        if (tolerance < 0 || tolerance > ExamLimits.PointsMax || decimal.Round(tolerance, 2) != tolerance)
        {
            throw CollabException.Invalid(
                $"marking.tolerance must be from 0 to {ExamLimits.PointsMax} points with at most 2 decimal places");
        }
        return new MarkingPolicy(mode, tolerance);
    }

    /// <summary>The questions of a paper, each checked by <see cref="QuestionParser"/>, ids distinct; homework reads its questions here too.</summary>
    internal static IReadOnlyList<PaperQuestion> Questions(JsonElement root)
    {
        var array = JsonFields.Array(root, "questions", "questions") ?? throw CollabException.Invalid("questions are required");
        var count = array.GetArrayLength();
        if (count == 0)
        {
            throw CollabException.Invalid("questions must hold at least one question");
        }
        if (count > ExamLimits.Questions)
        {
            throw CollabException.TooLarge($"an exam has at most {ExamLimits.Questions} questions");
        }
        var questions = new List<PaperQuestion>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var question = QuestionParser.Parse(item, index++);
            if (!seen.Add(question.Id))
            {
                throw CollabException.Invalid($"question id {question.Id} is used more than once");
            }
            questions.Add(question);
        }
        return questions;
    }

    /// <summary>An id as written: not blank, not padded with spaces (they would never match a key), bounded.</summary>
    internal static string Id(string value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw CollabException.Invalid($"{label} must not be empty");
        }
        if (value.Trim().Length != value.Length)
        {
            throw CollabException.Invalid($"{label} must not start or end with spaces");
        }
        return value.Length > maxLength
            ? throw CollabException.TooLarge($"{label} is longer than {maxLength} characters")
            : value;
    }
}
