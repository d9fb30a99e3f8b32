using System.Text.Encodings.Web;
using System.Text.Unicode;
using Collab.Bench.Baseline;

// B0: the bare-SignalR baseline. The same surface the `groups` scenario drives on Collab (dev token, create group,
// add member, Join, PostMessage, `Event`), with nothing behind it: no auth, no grains, no persistence. Whatever
// Collab costs above this is the cost of Orleans, durability and the contract's checks.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<GroupCounters>();
builder.Services
    .AddSignalR()
    .AddJsonProtocol(json =>
        // As Collab does: Chinese text unescaped, so both servers put the same bytes on the wire.
        json.PayloadSerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));

var app = builder.Build();
app.MapGet("/health/live", () => TypedResults.Ok());
app.MapBaselineEndpoints();
app.MapHub<GroupsHub>("/hubs/groups");
await app.RunAsync();
