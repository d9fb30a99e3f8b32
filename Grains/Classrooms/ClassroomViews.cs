using System.Text.Json;
using System.Text.Json.Serialization;
using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Classrooms;

/// <summary>
/// Who sees what of a classroom (PROTOCOL §8): the host sees the current question's key; assistants and students see
/// it once revealed. The host, the teachers and admins see the tally per class; a student sees only the total, and only
/// after the reveal, and their own answer.
/// </summary>
public static class ClassroomViews
{
    public const string StaffGroup = "staff";

    public sealed record ClassView(string ClassId, string Name, string SchoolName, string? TeacherId, int StudentCount, int Online);

    public sealed record QuestionView(
        string Id,
        string Kind,
        string Stem,
        IReadOnlyList<QuestionOption> Options,
        int Blanks,
        string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Answer);

    public sealed record TallyView(
        string QuestionId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ClassTally>? PerClass,
        TallyTotal Total);

    public sealed record Snapshot(
        string Title,
        string Subject,
        string Status,
        string HostId,
        string HostName,
        string Role,
        string? MyClassId,
        IReadOnlyList<ClassView> Classes,
        QuestionView? Question,
        JsonElement? MyAnswer,
        TallyView? Tally);

    public static string RoleOf(ClassroomDocument room, Caller caller) =>
        room.IsHost(caller.UserId) ? "host"
        : room.IsStaff(caller.UserId) ? "teacher"
        : room.ClassOf(caller.UserId) is not null ? "student"
        : caller.IsAdmin ? "admin" : "none";

    public static bool SeesTally(ClassroomDocument room, Caller caller) => caller.IsAdmin || room.IsStaff(caller.UserId);

    public static Snapshot SnapshotFor(ClassroomDocument room, Caller caller, IReadOnlyCollection<string> online)
    {
        var info = room.Info;
        var onlineSet = online.ToHashSet(StringComparer.Ordinal);
        var classes = info.Classes
            .Select(found => new ClassView(found.ClassId, found.Name, found.SchoolName, found.TeacherId, found.StudentCount,
                room.StudentsOf(found.ClassId).Count(onlineSet.Contains)))
            .ToList();
        var myClass = room.ClassOf(caller.UserId);
        var current = room.Current;
        return new Snapshot(info.Title, info.Subject, info.Status, info.HostId, info.HostName, RoleOf(room, caller), myClass, classes,
            current is null ? null : Question(current, room.IsHost(caller.UserId)),
            current is not null && current.Answers.TryGetValue(caller.UserId, out var mine) ? ClassroomQuestions.AnswerJson(current.Question, mine.Answer) : null,
            current is null ? null : Tally(room, current, caller));
    }

    public static QuestionView Question(PushedQuestion pushed, bool isHost)
    {
        var view = ClassroomQuestions.View(pushed);
        var showKey = isHost || pushed.Status == QuestionStatuses.Revealed;
        return new QuestionView(view.Id, view.Kind, view.Stem, view.Options, view.Blanks, view.Status,
            showKey ? ClassroomQuestions.KeyJson(pushed.Question) : null);
    }

    private static TallyView? Tally(ClassroomDocument room, PushedQuestion pushed, Caller caller)
    {
        var perClass = room.Tally(pushed);
        if (SeesTally(room, caller))
        {
            return new TallyView(pushed.Question.Id, perClass, TallyMaths.Total(perClass));
        }
        return pushed.Status == QuestionStatuses.Revealed ? new TallyView(pushed.Question.Id, null, TallyMaths.Total(perClass)) : null;
    }
}
