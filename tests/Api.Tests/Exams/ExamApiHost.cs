using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Exams;

/// <summary>
/// One Api for the exam tests on the real clock, pushing the proctor's view and answered counts often. Tests that need a
/// deadline or the late join to pass move a fake clock instead (<see cref="ExamClockTests"/>).
/// </summary>
public sealed class ExamApiHost : IAsyncLifetime
{
    public ApiHost Host { get; } = ApiHost.OnFreshFolder(new Dictionary<string, string?>
    {
        ["Collab:Exams:ProgressInterval"] = "00:00:00.200",
        ["Collab:Exams:AnsweredReportInterval"] = "00:00:00.200",
    });

    public Task InitializeAsync() => Host.StartAsync();

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class ExamApiCollection : ICollectionFixture<ExamApiHost>
{
    public const string Name = "exam-api";
}
