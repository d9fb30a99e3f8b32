using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Tutoring;

[Collection(TutoringApiCollection.Name)]
public sealed class TutoringMyRoomsTests(TutoringApiHost shared)
{
    private readonly TutoringScenario _scenario = new(shared.Host);

    [Fact]
    public async Task A_teacher_lists_their_own_rooms_newest_first_closed_ones_included_and_nobody_elses()
    {
        var tutor = _scenario.Tutor();
        var first = await _scenario.CreateRoomAsync(tutor, subject: "物理");
        var (second, client) = await _scenario.OpenRoomAsync(tutor, subject: "数学");
        await using var _ = client;
        var other = await _scenario.CreateRoomAsync(_scenario.Tutor());

        using var http = await tutor.HttpAsync();
        var mine = (await http.GetFromJsonAsync<JsonElement>("/api/me/tutoring/rooms")).EnumerateArray().ToList();

        Assert.Equal([second, first], mine.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal([true, false], mine.Select(r => r.GetProperty("open").GetBoolean()));
        Assert.Equal("物理", mine[1].GetProperty("subject").GetString());
        Assert.DoesNotContain(mine, r => r.GetProperty("id").GetString() == other);
    }

    [Fact]
    public async Task A_student_has_no_rooms_and_a_refused_creation_lists_none()
    {
        var student = _scenario.Student();
        using var http = await student.HttpAsync();
        var refused = await http.PostAsJsonAsync("/api/tutoring/rooms", new { title = "t", subject = "数学", slotMinutes = 20 });
        await ProblemAssert.IsAsync(refused, HttpStatusCode.Forbidden, "forbidden");
        var tutor = _scenario.Tutor();
        using var tutorHttp = await tutor.HttpAsync();
        var invalid = await tutorHttp.PostAsJsonAsync("/api/tutoring/rooms", new { title = "t", subject = "数学", slotMinutes = 500 });
        await ProblemAssert.IsAsync(invalid, HttpStatusCode.BadRequest, "invalid_argument");

        Assert.Equal(0, (await http.GetFromJsonAsync<JsonElement>("/api/me/tutoring/rooms")).GetArrayLength());
        Assert.Equal(0, (await tutorHttp.GetFromJsonAsync<JsonElement>("/api/me/tutoring/rooms")).GetArrayLength());
    }
}
