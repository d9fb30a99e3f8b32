using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Bench;

/// <summary>
/// The history command: does a command's cost grow with its grain's history? One lesson observed by O observers who
/// each write a note every 500 ms (every tenth command a re-rating instead) up to the observation's note limit, then one tutoring room
/// running S sessions of strokes one after another. Each command's latency and the server's CPU are grouped by how
/// many logged events the grain held before it (<see cref="HistoryWindows"/>). Exit code 0 only without errors.
/// </summary>
public static class HistoryCommand
{
    private const int Windows = 4;
    private const int ObserverIntervalMs = 500;
    private static readonly string[] Dimensions = ["objectives", "content", "methods", "organisation", "effect", "skill"];

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellation)
    {
        await using var child = await ServerLauncher.StartAsync("collab", RepositoryRoot.Find(options.Root), Console.Out, cancellation,
            StorageChoice.From(options), ["--Collab:Observations:NotesPerObserverPerMinute=1000000"]);
        using var setup = new SetupClient(child.Url);
        var strokesPerSession = options.Smoke ? 30 : 300;

        var observation = new HistoryWindows("observation", Windows, options.Notes, child.Probe);
        await ObserveAsync(setup, child.Url, options.Observers, options.Notes, observation, cancellation);
        var tutoring = new HistoryWindows("tutoring", options.Sessions, options.Sessions * strokesPerSession, child.Probe);
        await TutorAsync(setup, child.Url, options.Sessions, strokesPerSession, tutoring, cancellation);

        Console.WriteLine();
        Console.WriteLine($"## history on {options.Storage}: observation, {options.Observers} observers each writing every {ObserverIntervalMs} ms, {options.Notes:N0} notes (every tenth command a re-rating)");
        observation.Write(Console.Out, "notes");
        Console.WriteLine();
        Console.WriteLine($"## history on {options.Storage}: tutoring, {options.Sessions} sessions of {strokesPerSession} strokes, tutor and student in turn");
        tutoring.Write(Console.Out, "strokes");
        Console.WriteLine($"errors: observation {observation.Errors}, tutoring {tutoring.Errors}");
        return observation.Errors + tutoring.Errors == 0 ? 0 : 1;
    }

    private static async Task ObserveAsync(SetupClient setup, string url, int observers, int notes, HistoryWindows windows, CancellationToken cancellation)
    {
        var leader = await setup.TokenAsync("h-leader", "执教老师", cancellation);
        var group = await setup.CreateGroupAsync(leader, "听评课压测组", cancellation);
        var tokens = new List<string>();
        for (var o = 0; o < observers; o++)
        {
            await setup.AddMemberAsync(leader, group, $"h-observer-{o}", $"听课老师{o}", cancellation);
            tokens.Add(await setup.TokenAsync($"h-observer-{o}", $"听课老师{o}", cancellation));
        }
        var created = await setup.PostAsync(leader, $"/api/groups/{group}/observations",
            new { title = "压测公开课", teacherId = "h-leader", subject = "数学", grade = "七年级", startsAt = DateTimeOffset.UtcNow }, cancellation);
        var id = created.GetProperty("id").GetString()!;
        await using var host = await ConnectAsync(url, "/hubs/observation", leader, id, cancellation);
        await host.InvokeAsync<JsonElement>("Start", id, cancellation);

        var connections = await Task.WhenAll(tokens.Select(token => ConnectAsync(url, "/hubs/observation", token, id, cancellation)));
        var written = 0;
        try
        {
            await Task.WhenAll(connections.Select((connection, o) => Task.Run(async () =>
            {
                var clientId = $"bench-{o}";
                var seq = 0L;
                var random = new Random(o);
                // Each observer writes every ObserverIntervalMs from its own phase: a lesson's pace, not a closed loop.
                var next = DateTime.UtcNow.AddMilliseconds(random.Next(ObserverIntervalMs));
                while (true)
                {
                    var wait = next - DateTime.UtcNow;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, cancellation);
                    }
                    next = next.AddMilliseconds(ObserverIntervalMs);
                    var history = Volatile.Read(ref written);
                    if (++seq % 10 == 0)
                    {
                        var scores = Dimensions.ToDictionary(d => d, _ => random.Next(1, 6));
                        await windows.TimeAsync(history, () => connection.InvokeAsync<JsonElement>("Rate", id, new { clientId, clientSeq = seq, scores }, cancellation));
                        continue;
                    }
                    if (Interlocked.Increment(ref written) > notes)
                    {
                        return;
                    }
                    await windows.TimeAsync(history, () => connection.InvokeAsync<JsonElement>("AddNote", id,
                        new { clientId, clientSeq = seq, text = $"第{seq}条：小组合作分工明确，提问有层次", visibility = "public" }, cancellation));
                }
            }, cancellation)));
            windows.Finish();
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task TutorAsync(SetupClient setup, string url, int sessions, int strokes, HistoryWindows windows, CancellationToken cancellation)
    {
        var tutorToken = await setup.TokenAsync("h-tutor", "名师", cancellation);
        var room = await setup.PostAsync(tutorToken, "/api/tutoring/rooms", new { title = "压测辅导室", subject = "数学", slotMinutes = 120 }, cancellation);
        var id = room.GetProperty("id").GetString()!;
        await using var tutor = await ConnectAsync(url, "/hubs/tutoring", tutorToken, id, cancellation);
        await tutor.InvokeAsync<JsonElement>("Open", id, cancellation);
        var drawn = 0;
        var points = Enumerable.Range(0, 12).Select(i => new[] { 10.0 * i, 5.0 * i }).ToArray();
        for (var s = 0; s < sessions; s++)
        {
            var studentToken = await setup.TokenAsync($"h-student-{s}", $"学生{s}", cancellation, role: "student");
            await using var student = await ConnectAsync(url, "/hubs/tutoring", studentToken, id, cancellation);
            await student.InvokeAsync<JsonElement>("RequestHelp", id, new { clientId = $"student-{s}", clientSeq = 1, topic = "一元一次方程" }, cancellation);
            await tutor.InvokeAsync<JsonElement>("AdmitNext", id, cancellation);
            for (var k = 0; k < strokes; k++)
            {
                var (drawer, clientId) = k % 2 == 0 ? (tutor, $"tutor-{s}") : (student, $"student-{s}");
                await windows.TimeAsync(drawn, () => drawer.InvokeAsync<JsonElement>("DrawStroke", id,
                    new { clientId, clientSeq = 2 + k, strokeId = $"k-{s}-{k}", points, color = "#1565c0", width = 2 }, cancellation));
                drawn++;
            }
            await tutor.InvokeAsync<JsonElement>("EndSession", id, cancellation);
        }
        windows.Finish();
    }

    private static async Task<HubConnection> ConnectAsync(string url, string hub, string token, string id, CancellationToken cancellation)
    {
        var connection = HubClients.Create(url, hub, token);
        await HubClients.StartWithRetryAsync(connection, cancellation);
        await connection.InvokeAsync<JsonElement>("Join", id, cancellation);
        return connection;
    }
}
