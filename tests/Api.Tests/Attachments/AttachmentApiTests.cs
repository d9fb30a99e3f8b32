using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Attachments;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;

namespace Collab.Api.Tests.Attachments;

/// <summary>PROTOCOL §9's attachments over real HTTP on the embedded default (SQLite rows, files under the data folder).</summary>
public sealed class AttachmentApiTests(AttachmentApiHost shared) : IClassFixture<AttachmentApiHost>
{
    private readonly GroupScenario _scenario = new(shared.Host);

    private async Task<(TestUser Teacher, TestUser Colleague, string PlanId)> PlanAsync()
    {
        var teacher = _scenario.Teacher("county-a");
        var colleague = _scenario.Teacher("county-b");
        var groupId = await _scenario.CreateGroupAsync(teacher);
        await _scenario.AddMemberAsync(teacher, groupId, colleague);
        using var http = await teacher.HttpAsync();
        var response = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "浮力", subject = "physics", grade = "8" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (teacher, colleague, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    internal static MultipartFormDataContent Form(string? owner, byte[]? file, string name = "worksheet.png", bool ownerFirst = true)
    {
        var form = new MultipartFormDataContent();
        void AddOwner()
        {
            if (owner is not null)
            {
                form.Add(new StringContent(owner), "owner");
            }
        }
        if (ownerFirst)
        {
            AddOwner();
        }
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            // What the client claims is ignored: the stored type is what the bytes are.
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", name);
        }
        if (!ownerFirst)
        {
            AddOwner();
        }
        return form;
    }

    private static async Task<JsonElement> UploadAsync(HttpClient http, string owner, byte[] file, string name, bool ownerFirst = true)
    {
        var response = await http.PostAsync("/api/files", Form(owner, file, name, ownerFirst));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<int> ListedCountAsync(TestUser teacher, string planId)
    {
        using var http = await teacher.HttpAsync();
        return (await http.GetFromJsonAsync<JsonElement>($"/api/files?owner=lessonprep/{planId}")).GetArrayLength();
    }

    /// <summary>Stored files of the folder store (its incoming folder of uploads under way left out).</summary>
    private string[] StoredFiles() => Directory.GetFiles(shared.StoreFolder, "*", SearchOption.AllDirectories);

    [Fact]
    public async Task A_member_uploads_a_png_and_a_colleague_reads_the_same_bytes_and_sees_it_listed()
    {
        var (teacher, colleague, planId) = await PlanAsync();
        var png = SampleFiles.Png();
        using var http = await teacher.HttpAsync();

        var uploaded = await UploadAsync(http, $"lessonprep/{planId}", png, "浮力示意图.png");

        var id = uploaded.GetProperty("id").GetString()!;
        Assert.Equal($"/api/files/{id}", uploaded.GetProperty("url").GetString());
        Assert.Equal("浮力示意图.png", uploaded.GetProperty("name").GetString());
        Assert.Equal(png.Length, uploaded.GetProperty("size").GetInt64());
        Assert.Equal("image/png", uploaded.GetProperty("contentType").GetString());
        using var other = await colleague.HttpAsync();
        using var read = await other.GetAsync($"/api/files/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("image/png", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await read.Content.ReadAsByteArrayAsync());
        var listed = Assert.Single((await other.GetFromJsonAsync<JsonElement>($"/api/files?owner=lessonprep/{planId}")).EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal(teacher.UserId, listed.GetProperty("uploadedBy").GetString());
    }

    [Fact]
    public async Task Pdf_word_and_text_are_stored_as_what_their_bytes_are_whatever_the_order_of_the_fields()
    {
        var (teacher, _, planId) = await PlanAsync();
        using var http = await teacher.HttpAsync();

        Assert.Equal(AttachmentTypes.Pdf, (await UploadAsync(http, $"lessonprep/{planId}", SampleFiles.Pdf(), "学案.pdf", ownerFirst: false)).GetProperty("contentType").GetString());
        Assert.Equal(AttachmentTypes.Docx, (await UploadAsync(http, $"lessonprep/{planId}", SampleFiles.Docx(), "学案")).GetProperty("contentType").GetString());
        Assert.Equal(AttachmentTypes.Text, (await UploadAsync(http, $"lessonprep/{planId}", "第一题：\r\n\t浮力\n"u8.ToArray(), "题目.txt")).GetProperty("contentType").GetString());
        Assert.Equal(3, await ListedCountAsync(teacher, planId));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_too_large_and_leaves_nothing_behind()
    {
        var (teacher, _, planId) = await PlanAsync();
        using var http = await teacher.HttpAsync();
        var before = StoredFiles();
        var png = SampleFiles.Png();
        var over = png.Concat(new byte[AttachmentApiHost.MaxBytes + 1 - png.Length]).ToArray();

        await ProblemAssert.IsAsync(await http.PostAsync("/api/files", Form($"lessonprep/{planId}", over)), HttpStatusCode.RequestEntityTooLarge, "too_large");
        var atTheLimit = png.Concat(new byte[AttachmentApiHost.MaxBytes - png.Length]).ToArray();
        Assert.Equal(AttachmentApiHost.MaxBytes, (await UploadAsync(http, $"lessonprep/{planId}", atTheLimit, "limit.png")).GetProperty("size").GetInt64());

        Assert.Equal(1, await ListedCountAsync(teacher, planId));
        Assert.Single(StoredFiles().Except(before));
    }

    [Fact]
    public async Task A_body_without_a_length_is_cut_off_once_the_file_passes_the_limit()
    {
        var (teacher, _, planId) = await PlanAsync();
        using var http = await teacher.HttpAsync();
        var before = StoredFiles();
        var png = SampleFiles.Png();
        var form = Form($"lessonprep/{planId}", png.Concat(new byte[3 * AttachmentApiHost.MaxBytes]).ToArray());
        // Chunked: no Content-Length to refuse up front, so the count while streaming is what refuses it.
        var body = new StreamContent(await form.ReadAsStreamAsync());
        body.Headers.ContentType = form.Headers.ContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/files") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        await ProblemAssert.IsAsync(await http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "too_large");

        Assert.Equal(0, await ListedCountAsync(teacher, planId));
        Assert.Empty(StoredFiles().Except(before));
    }

    [Theory]
    [InlineData("noise")]
    [InlineData("zip")]
    [InlineData("empty")]
    public async Task A_file_that_is_none_of_the_allowed_types_by_its_bytes_is_refused_whatever_its_name(string kind)
    {
        var (teacher, _, planId) = await PlanAsync();
        using var http = await teacher.HttpAsync();
        var bytes = kind switch { "noise" => SampleFiles.Noise(2048), "zip" => SampleFiles.PlainZip(), _ => [] };

        await ProblemAssert.IsAsync(await http.PostAsync("/api/files", Form($"lessonprep/{planId}", bytes, "diagram.png")), HttpStatusCode.BadRequest, "invalid_argument");

        Assert.Equal(0, await ListedCountAsync(teacher, planId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lessonprep")]
    [InlineData("lessonprep/")]
    [InlineData("group/g-1")]
    [InlineData("lessonprep/../../etc")]
    public async Task An_upload_without_a_proper_owner_is_refused(string? owner)
    {
        var teacher = _scenario.Teacher();
        using var http = await teacher.HttpAsync();

        await ProblemAssert.IsAsync(await http.PostAsync("/api/files", Form(owner, SampleFiles.Png())), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await http.GetAsync($"/api/files?owner={Uri.EscapeDataString(owner ?? "")}"), HttpStatusCode.BadRequest, "invalid_argument");
    }

    [Fact]
    public async Task A_form_without_a_file_or_a_body_that_is_no_form_is_refused()
    {
        var (teacher, _, planId) = await PlanAsync();
        using var http = await teacher.HttpAsync();

        await ProblemAssert.IsAsync(await http.PostAsync("/api/files", Form($"lessonprep/{planId}", null)), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await http.PostAsJsonAsync("/api/files", new { owner = $"lessonprep/{planId}" }), HttpStatusCode.BadRequest, "invalid_argument");
    }

    [Fact]
    public async Task A_teacher_of_another_group_may_neither_upload_to_nor_read_nor_list_a_plans_files()
    {
        var (teacher, _, planId) = await PlanAsync();
        using var http = await teacher.HttpAsync();
        var id = (await UploadAsync(http, $"lessonprep/{planId}", SampleFiles.Png(), "a.png")).GetProperty("id").GetString()!;
        var stranger = _scenario.Teacher("county-c");
        await _scenario.CreateGroupAsync(stranger);
        using var other = await stranger.HttpAsync();

        await ProblemAssert.IsAsync(await other.PostAsync("/api/files", Form($"lessonprep/{planId}", SampleFiles.Png())), HttpStatusCode.Forbidden, "not_member");
        await ProblemAssert.IsAsync(await other.GetAsync($"/api/files/{id}"), HttpStatusCode.Forbidden, "not_member");
        await ProblemAssert.IsAsync(await other.GetAsync($"/api/files?owner=lessonprep/{planId}"), HttpStatusCode.Forbidden, "not_member");
        await ProblemAssert.IsAsync(await other.DeleteAsync($"/api/files/{id}"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(1, await ListedCountAsync(teacher, planId));
    }

    [Fact]
    public async Task Files_of_a_plan_that_does_not_exist_and_unknown_ids_are_not_found()
    {
        var teacher = _scenario.Teacher();
        using var http = await teacher.HttpAsync();

        await ProblemAssert.IsAsync(await http.PostAsync("/api/files", Form("lessonprep/lp-nosuchplan", SampleFiles.Png())), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await http.GetAsync("/api/files/f-nosuchfile1"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await http.GetAsync("/api/files/..%2F..%2Fcollab.db"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await http.DeleteAsync("/api/files/f-nosuchfile1"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Without_signing_in_nothing_is_uploaded_or_read()
    {
        var (teacher, _, planId) = await PlanAsync();
        using var signedIn = await teacher.HttpAsync();
        var id = (await UploadAsync(signedIn, $"lessonprep/{planId}", SampleFiles.Png(), "a.png")).GetProperty("id").GetString()!;
        using var anonymous = new HttpClient { BaseAddress = shared.Host.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/files", Form($"lessonprep/{planId}", SampleFiles.Png()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/files/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/files?owner=lessonprep/{planId}")).StatusCode);
        Assert.Equal(1, await ListedCountAsync(teacher, planId));
    }

    [Fact]
    public async Task Only_the_uploader_deletes_an_attachment_and_then_it_is_gone_with_its_bytes()
    {
        var (teacher, colleague, planId) = await PlanAsync();
        using var http = await teacher.HttpAsync();
        var id = (await UploadAsync(http, $"lessonprep/{planId}", SampleFiles.Pdf(), "a.pdf")).GetProperty("id").GetString()!;
        using var other = await colleague.HttpAsync();

        await ProblemAssert.IsAsync(await other.DeleteAsync($"/api/files/{id}"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/files/{id}")).StatusCode);

        await ProblemAssert.IsAsync(await other.GetAsync($"/api/files/{id}"), HttpStatusCode.NotFound, "not_found");
        Assert.False(File.Exists(Path.Combine(shared.StoreFolder, id)));
        Assert.Equal(0, await ListedCountAsync(teacher, planId));
    }

    [Fact]
    public async Task A_tutoring_rooms_files_are_its_tutors_and_not_a_waiting_strangers()
    {
        var tutoring = new Tutoring.TutoringScenario(shared.Host);
        var tutor = tutoring.Tutor();
        var roomId = await tutoring.CreateRoomAsync(tutor);
        using var http = await tutor.HttpAsync();
        var id = (await UploadAsync(http, $"tutoring/{roomId}", SampleFiles.Png(), "board.png")).GetProperty("id").GetString()!;
        using var student = await tutoring.Student().HttpAsync();

        await ProblemAssert.IsAsync(await student.GetAsync($"/api/files/{id}"), HttpStatusCode.Forbidden, "not_admitted");
        await ProblemAssert.IsAsync(await student.PostAsync("/api/files", Form($"tutoring/{roomId}", SampleFiles.Png())), HttpStatusCode.Forbidden, "not_admitted");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/files/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_word_export_embeds_the_plans_own_image_and_leaves_another_groups_a_placeholder()
    {
        var (teacher, colleague, _) = await PlanAsync();
        var groupId = await _scenario.CreateGroupAsync(teacher);
        await _scenario.AddMemberAsync(teacher, groupId, colleague);
        using var http = await teacher.HttpAsync();
        var created = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "浮力", subject = "physics", grade = "8", format = "rich" });
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var png = SampleFiles.Png(40, 30);
        var own = (await UploadAsync(http, $"lessonprep/{planId}", png, "own.png")).GetProperty("url").GetString()!;
        var (stranger, _, strangersPlan) = await PlanAsync();
        using var strangerHttp = await stranger.HttpAsync();
        var foreign = (await UploadAsync(strangerHttp, $"lessonprep/{strangersPlan}", SampleFiles.Png(8, 8), "foreign.png")).GetProperty("url").GetString()!;
        await using (var hub = await teacher.ConnectAsync("/hubs/lessonprep"))
        {
            await hub.InvokeAsync("Join", planId);
            var delta = JsonDocument.Parse(JsonSerializer.Serialize(new object[] { new { insert = new { image = own } }, new { insert = new { image = foreign } } })).RootElement;
            await hub.InvokeAsync("SubmitOp", planId, new { clientId = "tab-1", clientSeq = 1, section = "process", baseRevision = 0, delta });
        }

        using var other = await colleague.HttpAsync();
        using var export = await other.GetAsync($"/api/lessonpreps/{planId}/export?format=docx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), false);

        var part = Assert.Single(word.MainDocumentPart!.ImageParts);
        using var stored = new MemoryStream();
        part.GetStream().CopyTo(stored);
        Assert.Equal(png, stored.ToArray());
        Assert.Contains(word.MainDocumentPart.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Run>(), r => r.InnerText == "[图片]");
    }
}
