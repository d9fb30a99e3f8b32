using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.CityDirectory;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Classrooms;

/// <summary>
/// A city imported through the admin import API for one test: a host class in the city school, two linked rural
/// classes with their own teachers, and a class outside the classroom; then a classroom over the first three.
/// </summary>
public sealed class ClassroomScenario(ApiHost host)
{
    public const string Hub = "/hubs/classroom";

    public DirectoryScenario City { get; } = new(host);

    public string Class(string name) => $"{name}-{City.Tag}";

    public TestUser HostTeacher => City.As("host", "teacher");
    public TestUser AssistantA => City.As("ta", "teacher");
    public TestUser AssistantB => City.As("tb", "teacher");
    public TestUser OtherTeacher => City.As("tx", "teacher");
    public TestUser HostStudent => City.As("sh", "student");
    public TestUser StudentA => City.As("sa", "student");
    public TestUser StudentB => City.As("sb", "student");
    public TestUser Outsider => City.As("sx", "student");

    public Task ImportAsync() => City.ImportAsync(new
    {
        schools = new[]
        {
            new { code = City.School(1), name = "城区实验中学", county = City.County },
            new { code = City.School(2), name = "李家村中学", county = City.County },
            new { code = City.School(3), name = "赵庄中学", county = City.County },
        },
        people = new object[]
        {
            new { userId = City.Person("host"), name = "王老师", role = "teacher", schoolCode = City.School(1) },
            new { userId = City.Person("ta"), name = "李老师", role = "teacher", schoolCode = City.School(2) },
            new { userId = City.Person("tb"), name = "赵老师", role = "teacher", schoolCode = City.School(3) },
            new { userId = City.Person("tx"), name = "钱老师", role = "teacher", schoolCode = City.School(3) },
            new { userId = City.Person("sh"), name = "小红", role = "student", schoolCode = City.School(1) },
            new { userId = City.Person("sa"), name = "小兰", role = "student", schoolCode = City.School(2) },
            new { userId = City.Person("sb"), name = "小芳", role = "student", schoolCode = City.School(3) },
            new { userId = City.Person("sx"), name = "小黑", role = "student", schoolCode = City.School(3) },
        },
        classes = new[]
        {
            new { id = Class("H"), schoolCode = City.School(1), name = "初二(1)班", grade = "8", teacherIds = new[] { City.Person("host") }, studentIds = new[] { City.Person("sh") } },
            new { id = Class("A"), schoolCode = City.School(2), name = "初二(3)班", grade = "8", teacherIds = new[] { City.Person("ta") }, studentIds = new[] { City.Person("sa") } },
            new { id = Class("B"), schoolCode = City.School(3), name = "初二(2)班", grade = "8", teacherIds = new[] { City.Person("tb") }, studentIds = new[] { City.Person("sb") } },
            new { id = Class("X"), schoolCode = City.School(3), name = "初三(9)班", grade = "9", teacherIds = new[] { City.Person("tx") }, studentIds = new[] { City.Person("sx") } },
        },
    });

    public object Body() => new
    {
        title = "一次函数",
        subject = "数学",
        grade = "8",
        startsAt = DateTimeOffset.UtcNow,
        hostClassId = Class("H"),
        linkedClassIds = new[] { Class("A"), Class("B") },
    };

    public async Task<string> CreateAsync()
    {
        using var http = await HostTeacher.HttpAsync();
        var response = await http.PostAsJsonAsync("/api/classrooms", Body());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static object Single(string id = "q1") => new
    {
        id,
        kind = "single",
        stem = "y=2x+1 的斜率是？",
        options = new[] { new { id = "a", text = "1" }, new { id = "b", text = "2" }, new { id = "c", text = "3" } },
        answer = "b",
    };

    public static object Push(long clientSeq, object question) => new { clientId = "host-tab", clientSeq, question };

    public static object Answer(string clientId, long clientSeq, string questionId, object answer) => new { clientId, clientSeq, questionId, answer };

    public static object Tally(string clientId, long clientSeq, string questionId, string classId, Dictionary<string, int> counts) =>
        new { clientId, clientSeq, questionId, classId, counts };
}
