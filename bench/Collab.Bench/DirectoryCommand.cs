using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Collab.Bench;

/// <summary>
/// The directory command (PROTOCOL §6): starts Collab (<c>--spawn collab</c>, SQLite or <c>--storage postgres</c>),
/// imports a generated city by CSV — <c>--people</c> people (one in six a teacher), their schools and
/// <c>--classes</c> classes — timing each file and reading the server's peak memory, then measures people-search
/// latency over it. Exit code 0 only when every row was stored and every search answered.
/// </summary>
public static class DirectoryCommand
{
    private const int Searches = 2_000;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "红", "梅", "文", "辉"];

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellation)
    {
        var people = options.Smoke ? 3_000 : options.People;
        var classes = options.Smoke ? 100 : options.Classes;
        var schools = Math.Max(1, people / 500);
        await using var child = await ServerLauncher.StartAsync("collab", RepositoryRoot.Find(options.Root), Console.Out, cancellation, StorageChoice.From(options));
        using var http = new HttpClient { BaseAddress = new Uri(child.Url), Timeout = TimeSpan.FromMinutes(30) };
        var token = (await (await http.PostAsJsonAsync("/api/dev/token", new { userId = "bench-admin", name = "管理员", role = "admin" }, cancellation))
            .Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var random = new Random(19);
        var names = Enumerable.Range(0, people).Select(_ => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + (random.Next(2) == 0 ? Given[random.Next(Given.Length)] : "")).ToArray();
        var folder = Path.Combine(Path.GetTempPath(), $"collab-bench-directory-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var files = new[]
            {
                ("schools", Write(folder, "schools", "code,name,county", Enumerable.Range(0, schools).Select(s => $"S{s:D5},第{s}中学,区{s % 12}"))),
                ("people", Write(folder, "people", "userId,name,role,schoolCode,subjects", Enumerable.Range(0, people).Select(p =>
                    $"u{p:D7},{names[p]},{(p % 6 == 0 ? "teacher" : "student")},S{ClassOf(p, classes) % schools:D5},{(p % 6 == 0 ? "math;physics" : "")}"))),
                ("classes", Write(folder, "classes", "id,schoolCode,name,grade,teacherIds,studentIds", Enumerable.Range(0, classes).Select(c => ClassLine(c, people, classes, schools)))),
            };
            var failed = false;
            var report = new StringBuilder();
            report.AppendLine($"| file | rows | bytes | seconds | rows/s | server peak RSS after (MiB) |");
            report.AppendLine("|---|---|---|---|---|---|");
            foreach (var (kind, path) in files)
            {
                var rows = File.ReadLines(path).Count() - 1;
                var started = Stopwatch.GetTimestamp();
                using var content = new StreamContent(File.OpenRead(path));
                content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                var response = await http.PostAsync($"/api/directory/import?kind={kind}", content, cancellation);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var summary = await response.Content.ReadFromJsonAsync<JsonElement>(cancellation);
                var stored = response.IsSuccessStatusCode ? summary.GetProperty(kind).GetInt32() : -1;
                failed |= stored != rows;
                Console.WriteLine($"[directory] {kind}: {stored}/{rows} rows in {seconds:F1} s ({response.StatusCode})");
                report.AppendLine($"| {kind} | {rows:N0} | {new FileInfo(path).Length:N0} | {seconds:F1} | {rows / seconds:N0} | {child.Probe.PeakRssBytes() / 1048576.0:F0} |");
            }

            var histogram = new LatencyHistogram();
            var searchErrors = 0;
            var found = 0L;
            for (var i = 0; i < Searches; i++)
            {
                var query = (i % 4) switch
                {
                    0 => $"q={Uri.EscapeDataString(Surnames[random.Next(Surnames.Length)])}",
                    1 => $"q={Uri.EscapeDataString(names[random.Next(people)][..2])}",
                    2 => $"q=u{random.Next(people / 100):D5}",
                    _ => $"q={Uri.EscapeDataString(Surnames[random.Next(Surnames.Length)])}&school=S{random.Next(schools):D5}&role=teacher",
                };
                var started = Stopwatch.GetTimestamp();
                var response = await http.GetAsync($"/api/directory/people?{query}&limit=20", cancellation);
                var body = await response.Content.ReadAsStringAsync(cancellation);
                histogram.RecordStopwatchTicks(Stopwatch.GetTimestamp() - started);
                if (!response.IsSuccessStatusCode)
                {
                    searchErrors++;
                    continue;
                }
                found += JsonDocument.Parse(body).RootElement.GetProperty("people").GetArrayLength();
            }
            var latency = histogram.Summarize();
            Console.WriteLine();
            Console.WriteLine($"## directory on {options.Storage}: {people:N0} people, {schools:N0} schools, {classes:N0} classes");
            Console.Write(report);
            Console.WriteLine();
            Console.WriteLine($"people search, {Searches:N0} sequential queries (name prefix, two-character prefix, id prefix, prefix + school + role), limit 20, {found / (double)Searches:F1} people per answer:");
            Console.WriteLine($"p50 {latency.P50:F2} ms, p95 {latency.P95:F2} ms, p99 {latency.P99:F2} ms, max {latency.Max:F2} ms; {searchErrors} errors");
            return failed || searchErrors > 0 ? 1 : 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The class a person belongs to (a teacher teaches it, a student sits in it); a person's school is their class's.</summary>
    private static int ClassOf(int person, int classes) => (person % 6 == 0 ? person / 6 : person) % classes;

    /// <summary>Class c of school c mod schools: its first two teachers and all its students.</summary>
    private static string ClassLine(int c, int people, int classes, int schools)
    {
        var school = c % schools;
        var teachers = Enumerable.Range(0, people / 6 / classes + 1).Select(m => 6 * (c + m * classes)).Where(t => t < people).Take(2);
        var students = Enumerable.Range(0, people / classes + 1).Select(k => c + k * classes).Where(p => p < people && p % 6 != 0).Take(500);
        return $"C{c:D6},S{school:D5},{c % 20 + 1}班,{c % 9 + 1},{string.Join(';', teachers.Select(t => $"u{t:D7}"))},{string.Join(';', students.Select(s => $"u{s:D7}"))}";
    }

    private static string Write(string folder, string kind, string header, IEnumerable<string> lines)
    {
        var path = Path.Combine(folder, $"{kind}.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine(header);
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
        return path;
    }
}
