using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Exams;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Collab.Api.Tests.Tutoring;

namespace Collab.Api.Tests.Attachments;

/// <summary>
/// PROTOCOL §9 across the areas: an exam's stem images for its staff, markers included, and its candidates once the
/// paper is open; a tutoring board's background; the live news of a stored or deleted file.
/// </summary>
public sealed class AttachmentSharingTests(AttachmentApiHost shared) : IClassFixture<AttachmentApiHost>
{
    private readonly ExamScenario _exams = new(shared.Host);
    private readonly TutoringScenario _tutoring = new(shared.Host);
    private readonly GroupScenario _groups = new(shared.Host);

    private static async Task<string> UploadAsync(TestUser user, string owner, byte[] file, string name)
    {
        using var http = await user.HttpAsync();
        var response = await http.PostAsync("/api/files", AttachmentApiTests.Form(owner, file, name));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<HttpResponseMessage> ReadAsync(TestUser user, string id)
    {
        using var http = await user.HttpAsync();
        return await http.GetAsync($"/api/files/{id}");
    }

    private static async Task<HttpResponseMessage> TryUploadAsync(TestUser user, string owner)
    {
        using var http = await user.HttpAsync();
        return await http.PostAsync("/api/files", AttachmentApiTests.Form(owner, SampleFiles.Png()));
    }

    [Fact]
    public async Task An_exams_stem_image_is_its_staffs_and_markers_and_a_rostered_candidates_once_published_and_open()
    {
        var author = _exams.Teacher();
        var marker = _exams.Teacher();
        var candidate = _exams.Student();
        var offRoster = _exams.Student();
        var stranger = _exams.Teacher();
        var examId = await _exams.CreateAsync(author, ExamScenario.Spec([candidate], DateTimeOffset.UtcNow.AddMinutes(-1), markers: [marker.UserId]));
        var stem = await UploadAsync(author, $"exam/{examId}", SampleFiles.Png(), "circuit.png");

        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(marker, stem)).StatusCode);
        await UploadAsync(marker, $"exam/{examId}", SampleFiles.Png(), "marking-note.png");
        await ProblemAssert.IsAsync(await TryUploadAsync(stranger, $"exam/{examId}"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await ReadAsync(stranger, stem), HttpStatusCode.Forbidden, "forbidden");
        // A draft's paper is nobody's but its staff's.
        await ProblemAssert.IsAsync(await ReadAsync(candidate, stem), HttpStatusCode.Forbidden, "forbidden");

        using (var http = await author.HttpAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/exams/{examId}/publish", null)).StatusCode);
        }

        var read = await ReadAsync(candidate, stem);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(SampleFiles.Png(), await read.Content.ReadAsByteArrayAsync());
        await ProblemAssert.IsAsync(await ReadAsync(offRoster, stem), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await TryUploadAsync(candidate, $"exam/{examId}"), HttpStatusCode.Forbidden, "forbidden");
        using var list = await candidate.HttpAsync();
        Assert.Equal(2, (await list.GetFromJsonAsync<JsonElement>($"/api/files?owner=exam/{examId}")).GetArrayLength());
    }

    [Fact]
    public async Task Before_the_exam_opens_its_candidates_do_not_see_its_stem_images()
    {
        var author = _exams.Teacher();
        var candidate = _exams.Student();
        var examId = await _exams.CreateAsync(author, ExamScenario.Spec([candidate], DateTimeOffset.UtcNow.AddHours(2)));
        var stem = await UploadAsync(author, $"exam/{examId}", SampleFiles.Png(), "circuit.png");
        using (var http = await author.HttpAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/exams/{examId}/publish", null)).StatusCode);
        }

        await ProblemAssert.IsAsync(await ReadAsync(candidate, stem), HttpStatusCode.Conflict, "not_open");
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(author, stem)).StatusCode);
    }

    [Fact]
    public async Task A_photo_goes_under_the_board_for_both_sides_and_a_stranger_a_pdf_or_another_rooms_file_are_refused()
    {
        var tutorUser = _tutoring.Tutor();
        var (roomId, tutor) = await _tutoring.OpenRoomAsync(tutorUser);
        await using var _ = tutor;
        var studentUser = _tutoring.Student();
        var (student, _) = await TutoringScenario.QueueAsync(studentUser, roomId, "浮力");
        await using var s = student;
        var waitingUser = _tutoring.Student("小红");
        var (waiting, _) = await TutoringScenario.QueueAsync(waitingUser, roomId, "压强");
        await using var w = waiting;
        await tutor.InvokeAsync("AdmitNext", roomId);
        await student.WaitForTypeAsync("session.started");

        var photo = await UploadAsync(studentUser, $"tutoring/{roomId}", SampleFiles.Png(), "作业.png");
        var added = await tutor.WaitForTypeAsync("attachment.added", e => e.GetProperty("id").GetString() == photo);
        Assert.Equal("作业.png", added.GetProperty("data").GetProperty("name").GetString());
        var pdf = await UploadAsync(tutorUser, $"tutoring/{roomId}", SampleFiles.Pdf(), "讲义.pdf");
        var otherRoom = await _tutoring.CreateRoomAsync(tutorUser);
        var elsewhere = await UploadAsync(tutorUser, $"tutoring/{otherRoom}", SampleFiles.Png(), "other.png");

        await HubErrors.AssertRefusedAsync("not_admitted", () => waiting.InvokeAsync("SetBackground", roomId, photo));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => tutor.InvokeAsync("SetBackground", roomId, pdf));
        await HubErrors.AssertRefusedAsync("not_found", () => tutor.InvokeAsync("SetBackground", roomId, elsewhere));
        await HubErrors.AssertRefusedAsync("not_found", () => tutor.InvokeAsync("SetBackground", roomId, "f-nosuchfile"));
        await ProblemAssert.IsAsync(await ReadAsync(waitingUser, photo), HttpStatusCode.Forbidden, "not_admitted");

        await student.InvokeAsync("SetBackground", roomId, photo);
        var shown = await tutor.WaitForTypeAsync("board.background");
        Assert.Equal(photo, shown.GetProperty("data").GetProperty("background").GetProperty("fileId").GetString());
        Assert.Equal(studentUser.UserId, shown.GetProperty("data").GetProperty("userId").GetString());
        await student.WaitForTypeAsync("board.background");
        var rejoined = await tutorUser.ConnectAsync(TutoringScenario.Hub);
        await using var r = rejoined;
        var snapshot = await rejoined.InvokeAsync("Join", roomId);
        Assert.Equal(photo, snapshot.GetProperty("snapshot").GetProperty("session").GetProperty("background").GetProperty("fileId").GetString());

        await tutor.InvokeAsync("SetBackground", roomId, null);
        var removed = await student.WaitForTypeAsync("board.background", e => e.GetProperty("background").ValueKind == JsonValueKind.Null);
        Assert.Equal(tutorUser.UserId, removed.GetProperty("data").GetProperty("userId").GetString());
        Assert.Empty(waiting.EventsOfType("board.background"));
        Assert.Empty(waiting.EventsOfType("attachment.added"));
    }

    [Fact]
    public async Task A_colleague_following_the_plan_hears_of_a_new_and_a_deleted_file()
    {
        var teacher = _groups.Teacher("county-a");
        var colleague = _groups.Teacher("county-b");
        var groupId = await _groups.CreateGroupAsync(teacher);
        await _groups.AddMemberAsync(teacher, groupId, colleague);
        string planId;
        using (var http = await teacher.HttpAsync())
        {
            var response = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "浮力", subject = "physics", grade = "8" });
            planId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        var following = await colleague.ConnectAsync("/hubs/lessonprep");
        await using var _ = following;
        await following.InvokeAsync("Join", planId);

        var id = await UploadAsync(teacher, $"lessonprep/{planId}", SampleFiles.Png(), "实验图.png");
        var added = (await following.WaitForTypeAsync("attachment.added")).GetProperty("data");
        Assert.Equal(id, added.GetProperty("id").GetString());
        Assert.Equal($"/api/files/{id}", added.GetProperty("url").GetString());
        Assert.Equal(teacher.UserId, added.GetProperty("uploadedBy").GetString());
        Assert.Equal($"lessonprep/{planId}", added.GetProperty("owner").GetString());

        using (var http = await teacher.HttpAsync())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/files/{id}")).StatusCode);
        }
        var removed = (await following.WaitForTypeAsync("attachment.removed")).GetProperty("data");
        Assert.Equal(id, removed.GetProperty("id").GetString());
        Assert.Single(following.EventsOfType("attachment.added"));
    }
}
