using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Collab.Bench;

/// <summary>
/// The people of a 1+X classroom, imported through the directory's admin CSV import as the <c>directory</c> scenario
/// does (PROTOCOL §6): one school per class, one teacher per class (the host teaches class 0), N students in each.
/// </summary>
public sealed class ClassroomCity(string run, int classes, int classSize)
{
    public int Classes => classes;
    public int ClassSize => classSize;
    public int Students => classes * classSize;

    public string ClassId(int c) => $"{run}-c{c:D2}";
    public string TeacherId(int c) => $"{run}-t{c:D2}";
    public string StudentId(int c, int s) => $"{run}-s{c:D2}-{s:D3}";

    public async Task ImportAsync(string baseUrl, string adminToken, CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var classRange = Enumerable.Range(0, classes);
        var files = new (string Kind, int Rows, string Csv)[]
        {
            ("schools", classes, Csv("code,name,county", classRange.Select(c => $"{run}-S{c:D2},第{c}中学,区{c % 12}"))),
            ("people", classes * (classSize + 1), Csv("userId,name,role,schoolCode,subjects", classRange.SelectMany(c =>
                Enumerable.Range(0, classSize).Select(s => $"{StudentId(c, s)},学生{c}-{s},student,{run}-S{c:D2},")
                    .Prepend($"{TeacherId(c)},老师{c},teacher,{run}-S{c:D2},math")))),
            ("classes", classes, Csv("id,schoolCode,name,grade,teacherIds,studentIds", classRange.Select(c =>
                $"{ClassId(c)},{run}-S{c:D2},初二({c + 1})班,8,{TeacherId(c)},{string.Join(';', Enumerable.Range(0, classSize).Select(s => StudentId(c, s)))}"))),
        };
        foreach (var (kind, rows, csv) in files)
        {
            using var content = new StringContent(csv, new UTF8Encoding(false), "text/csv");
            using var response = await http.PostAsync($"/api/directory/import?kind={kind}", content, cancellation);
            var text = await response.Content.ReadAsStringAsync(cancellation);
            if (!response.IsSuccessStatusCode || JsonDocument.Parse(text).RootElement.GetProperty(kind).GetInt32() != rows)
            {
                throw new InvalidOperationException($"importing {kind} failed ({(int)response.StatusCode}): {text}");
            }
        }
    }

    /// <summary>The classroom as the web client's form creates it: the host's class, then every other class linked.</summary>
    public object CreateBody() => new
    {
        title = "一次函数（同步课堂压测）",
        subject = "数学",
        grade = "8",
        startsAt = DateTimeOffset.UtcNow,
        hostClassId = ClassId(0),
        linkedClassIds = Enumerable.Range(1, classes - 1).Select(ClassId).ToArray(),
    };

    private static string Csv(string header, IEnumerable<string> lines) => string.Join('\n', lines.Prepend(header)) + "\n";
}
