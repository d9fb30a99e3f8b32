using Collab.Grains.Classrooms;
using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;

namespace Collab.Grains.Tests.Classrooms;

/// <summary>One host class and two linked classes in other schools, their teachers and students, and an outsider of each role.</summary>
public static class ClassroomSample
{
    public static readonly Caller Host = new("t-host", "王老师", Roles.Teacher, "s-city", "county-a");
    public static readonly Caller AssistantA = new("t-a", "李老师", Roles.Teacher, "s-rural-a", "county-b");
    public static readonly Caller AssistantB = new("t-b", "赵老师", Roles.Teacher, "s-rural-b", "county-c");
    public static readonly Caller OtherTeacher = new("t-x", "钱老师", Roles.Teacher, "s-x", "county-x");
    public static readonly Caller HostStudent = new("s-h1", "小红", Roles.Student, "s-city", "county-a");
    public static readonly Caller HostStudent2 = new("s-h2", "小明", Roles.Student, "s-city", "county-a");
    public static readonly Caller StudentA = new("s-a1", "小兰", Roles.Student, "s-rural-a", "county-b");
    public static readonly Caller StudentA2 = new("s-a2", "小刚", Roles.Student, "s-rural-a", "county-b");
    public static readonly Caller StudentB = new("s-b1", "小芳", Roles.Student, "s-rural-b", "county-c");
    public static readonly Caller Outsider = new("s-x1", "小黑", Roles.Student, "s-x", "county-x");
    public static readonly Caller Admin = new("admin-1", "管理员", Roles.Admin, "", "");

    public static DirectoryClass HostClass(string suffix = "") =>
        new($"c-host{suffix}", "初二(1)班", "初二", "s-city", [Host.UserId], [Student(HostStudent), Student(HostStudent2)]);

    public static DirectoryClass ClassA(string suffix = "") =>
        new($"c-a{suffix}", "初二(3)班", "初二", "s-rural-a", [AssistantA.UserId], [Student(StudentA), Student(StudentA2)]);

    public static DirectoryClass ClassB(string suffix = "") =>
        new($"c-b{suffix}", "初二(2)班", "初二", "s-rural-b", [AssistantB.UserId], [Student(StudentB)]);

    public static DirectoryClass OtherClass(string suffix = "") =>
        new($"c-x{suffix}", "初三(9)班", "初三", "s-x", [OtherTeacher.UserId], [Student(Outsider)]);

    public static IReadOnlyList<DirectoryPerson> Teachers =>
    [
        new(Host.UserId, Host.Name, Roles.Teacher, "s-city", "城区实验中学", "county-a"),
        new(AssistantA.UserId, AssistantA.Name, Roles.Teacher, "s-rural-a", "李家村中学", "county-b"),
        new(AssistantB.UserId, AssistantB.Name, Roles.Teacher, "s-rural-b", "赵庄中学", "county-c"),
    ];

    public static CreateClassroom Command(string suffix = "") =>
        new("一次函数", "数学", "初二", new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero), $"c-host{suffix}", [$"c-a{suffix}", $"c-b{suffix}"]);

    public const string SingleChoice = """{"id":"q1","kind":"single","stem":"y=2x+1 的斜率是？","options":[{"id":"a","text":"1"},{"id":"b","text":"2"},{"id":"c","text":"3"}],"answer":"b"}""";
    public const string MultipleChoice = """{"id":"q2","kind":"multiple","stem":"哪些是一次函数？","options":[{"id":"a","text":"y=x"},{"id":"b","text":"y=x²"},{"id":"c","text":"y=3x-2"}],"answer":["a","c"]}""";
    public const string TrueOrFalse = """{"id":"q3","kind":"truefalse","stem":"y=5 是一次函数","answer":false}""";
    public const string FillIn = """{"id":"q4","kind":"fill","stem":"y=3x 过点 (1, __)","answer":[["3","三"]]}""";
    public const string WithoutKey = """{"id":"q5","kind":"single","stem":"无答案","options":[{"id":"a","text":"1"},{"id":"b","text":"2"}]}""";
    public const string Short = """{"id":"q6","kind":"short","stem":"说说斜率的意义"}""";

    public static ClassroomDocument Document(out ClassroomState state)
    {
        state = new ClassroomState();
        var document = new ClassroomDocument("cr-1", state);
        var command = Command();
        var plan = ClassroomSetup.Check(Host, command);
        document.Create(ClassroomSetup.Build("cr-1", Host, plan, [HostClass(), ClassA(), ClassB()], Teachers.ToDictionary(t => t.UserId)));
        return document;
    }

    public static ClassroomDocument Started(out ClassroomState state)
    {
        var document = Document(out state);
        Assert.True(document.WouldStart(Host));
        document.Start(Now);
        return document;
    }

    public static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 1, 0, TimeSpan.Zero);

    private static ClassStudent Student(Caller caller) => new(caller.UserId, caller.Name);
}
