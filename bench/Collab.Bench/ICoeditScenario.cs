namespace Collab.Bench;

/// <summary>The coedit scenario on one kind of server: set up D plans × E editors, then measure runs of the load.</summary>
public interface ICoeditScenario : IAsyncDisposable
{
    Task SetupAsync(int plans, int editors, int connectConcurrency, CancellationToken cancellation);

    /// <summary>One run at one rate (see <see cref="CoeditLoad.MeasureAsync"/>); a server-specific check may add errors.</summary>
    Task<CoeditResult> MeasureAsync(double intervalMs, double warmupSeconds, double durationSeconds, double drainSeconds,
        CancellationToken cancellation);
}
