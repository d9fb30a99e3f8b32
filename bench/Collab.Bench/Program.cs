using Collab.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true; // let the scenario dispose its connections and kill its child servers
    cancel.Cancel();
};

try
{
    return options.Scenario switch
    {
        "groups" => await Commands.GroupsAsync(options, cancel.Token),
        "connections" => await Commands.ConnectionsAsync(options, cancel.Token),
        "coedit" => await Commands.CoeditAsync(options, cancel.Token),
        "coedit-compare" => await Commands.CoeditCompareAsync(options, cancel.Token),
        "coedit-ceiling" => await Commands.CoeditCeilingAsync(options, cancel.Token),
        "exam" => await ExamCommand.RunAsync(options, cancel.Token),
        "directory" => await DirectoryCommand.RunAsync(options, cancel.Token),
        "history" => await HistoryCommand.RunAsync(options, cancel.Token),
        "classroom" => await ClassroomCommand.RunAsync(options, cancel.Token),
        _ => await Commands.CompareAsync(options, cancel.Token),
    };
}
catch (Exception error) when (error is not OperationCanceledException)
{
    Console.Error.WriteLine($"failed: {error}");
    return 3;
}
