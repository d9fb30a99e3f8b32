using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Exams;

/// <summary>
/// One Api for the exam tests, where an exam minute lasts a second: a two-minute exam's deadline passes in two seconds,
/// so the tests wait for the server's own submission instead of sleeping through real minutes.
/// </summary>
public sealed class ExamApiHost : IAsyncLifetime
{
    public ApiHost Host { get; } = ApiHost.OnFreshFolder(new Dictionary<string, string?>
    {
        ["Collab:Exams:Minute"] = "00:00:01",
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
