using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Collab.Bench.Baseline;
using Collab.Client.MessagePack;

// The bare-SignalR baselines, one host with a switch (--mode b0|b1|b2). B0: the same surface the groups and coedit
// scenarios drive on Collab (dev token, groups, members, plans, Join, PostMessage, SubmitOp, Event; the classroom's hub calls) with nothing
// behind it: no auth, no grains, no persistence. B1: B0 plus in-process plan state and the project's OT under a
// per-plan lock. B2: B1 plus one op-log write per op with Collab's SQL (--storage sqlite|postgres). Whatever Collab
// costs above B1 is the cost of the Orleans runtime; above B2, of its persistence path.
var builder = WebApplication.CreateBuilder(args);
var mode = BaselineMode.From(builder.Configuration);
builder.Services.AddSingleton(mode);
builder.Services.AddSingleton<GroupCounters>();
builder.Services.AddSingleton<LessonPlans>();
builder.Services.AddSingleton<OpLogWriter>();
builder.Services.AddSingleton<ClassroomRooms>();
builder.Services
    .AddSignalR()
    .AddJsonProtocol(json =>
        // As Collab does: Chinese text unescaped, so both servers put the same bytes on the wire.
        json.PayloadSerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All))
    // Beside JSON, as Collab offers it: the JSON protocol's fields, encoded as MessagePack.
    .AddMessagePackProtocol(messagePack => messagePack.SerializerOptions = JsonShapedResolver.Options(
        new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) }));

var app = builder.Build();
if (mode.WritesOps)
{
    await app.Services.GetRequiredService<OpLogWriter>().CreateSchemaAsync();
}
app.Logger.LogInformation("baseline {Mode} (storage {Storage})", mode.Mode, mode.WritesOps ? mode.Storage : "none");
app.MapGet("/health/live", () => TypedResults.Ok());
app.MapBaselineEndpoints();
app.MapHub<GroupsHub>("/hubs/groups");
app.MapHub<LessonPrepHub>("/hubs/lessonprep");
app.MapHub<ClassroomHub>("/hubs/classroom");
await app.RunAsync();
