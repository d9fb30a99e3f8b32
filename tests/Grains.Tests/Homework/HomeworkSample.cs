using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Collab.Grains.Tests.Classrooms;

namespace Collab.Grains.Tests.Homework;

/// <summary>The classroom's sample classes (a master teacher's class and two rural ones) and a homework of every kind for them.</summary>
public static class HomeworkSample
{
    public static readonly Caller Master = ClassroomSample.Host;
    public static readonly Caller TeacherA = ClassroomSample.AssistantA;
    public static readonly Caller TeacherB = ClassroomSample.AssistantB;
    public static readonly Caller OtherTeacher = ClassroomSample.OtherTeacher;
    public static readonly Caller MasterStudent = ClassroomSample.HostStudent;
    public static readonly Caller StudentA = ClassroomSample.StudentA;
    public static readonly Caller StudentA2 = ClassroomSample.StudentA2;
    public static readonly Caller StudentB = ClassroomSample.StudentB;
    public static readonly Caller Outsider = ClassroomSample.Outsider;

    public static IReadOnlyList<DirectoryClass> Classes(string suffix) =>
        [ClassroomSample.HostClass(suffix), ClassroomSample.ClassA(suffix), ClassroomSample.ClassB(suffix), ClassroomSample.OtherClass(suffix)];

    public const string Questions = """
        [{"id":"q1","kind":"single","points":2,"stem":"y=2x+1 的斜率是？","options":[{"id":"a","text":"1"},{"id":"b","text":"2"}],"answer":"b"},
         {"id":"q2","kind":"multiple","points":2,"stem":"哪些是一次函数？","options":[{"id":"a","text":"y=x"},{"id":"b","text":"y=x²"},{"id":"c","text":"y=3x-2"}],"answer":["a","c"]},
         {"id":"q3","kind":"truefalse","points":1,"stem":"y=5 是一次函数","answer":false},
         {"id":"q4","kind":"fill","points":2,"stem":"y=3x 过点 (1, __)","answer":[["3","三"]]},
         {"id":"q5","kind":"short","points":3,"stem":"说说斜率的意义","reference":"倾斜程度"}]
        """;

    public static string Spec(string suffix, DateTimeOffset dueAt, string? questions = null, params string[] classIds) =>
        $$"""{"title":"一次函数练习","subject":"数学","dueAt":"{{dueAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","classIds":[{{string.Join(",", (classIds.Length > 0 ? classIds : [$"c-host{suffix}", $"c-a{suffix}", $"c-b{suffix}"]).Select(c => $"\"{c}\""))}}],"questions":{{questions ?? Questions}}}""";

    public const string AllRight = """{"q1":"b","q2":["a","c"],"q3":false,"q4":["三"],"q5":"斜率表示直线的倾斜程度"}""";
    public const string HalfRight = """{"q1":"a","q2":["a"],"q3":false,"q4":["3"],"q5":"不知道"}""";
}
