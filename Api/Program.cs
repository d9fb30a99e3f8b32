using Collab.Api.Hosting;

var app = CollabApi.Build(args);
await app.RunAsync();

/// <summary>The entry point, visible to the functional tests.</summary>
public partial class Program;
