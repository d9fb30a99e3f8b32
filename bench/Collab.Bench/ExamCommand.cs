namespace Collab.Bench;

/// <summary>
/// The exam command: against <c>--url</c>, or a Collab it starts itself (<c>--spawn collab</c>) on the embedded
/// SQLite default or on PostgreSQL (<c>--storage postgres --connection-string ...</c>). Exit code 0 only when nothing
/// failed, no acknowledged answer was lost and some acknowledged answers were checked.
/// </summary>
public static class ExamCommand
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellation)
    {
        if (options.Spawn is "b0" or "b1" or "b2")
        {
            throw new ArgumentException("the bare baseline has no exams: use --spawn collab or --url");
        }
        ExamResult result;
        if (options.Spawn is "collab")
        {
            await using var child = await ServerLauncher.StartAsync("collab", RepositoryRoot.Find(options.Root), Console.Out, cancellation,
                StorageChoice.From(options));
            result = await new ExamScenario(options, child.Url, child.Probe, $"collab/{options.Storage}", Console.Out).RunAsync(cancellation);
        }
        else
        {
            await using var server = await ServerTarget.ResolveAsync(options, Console.Out, cancellation);
            result = await new ExamScenario(options, server.Url, server.Probe, server.Url, Console.Out).RunAsync(cancellation);
        }
        ExamReport.Write(result, Console.Out);
        if (result.Errors > 0 || result.LostAnswers > 0 || result.CheckedAnswers == 0)
        {
            Console.Error.WriteLine($"[{result.Label}] FAILED: {result.Errors} errors, {result.LostAnswers} lost answers, {result.CheckedAnswers} acknowledged answers checked");
            return 1;
        }
        return 0;
    }
}
