using Collab.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddCollabLogging(builder.Configuration);
builder.UseOrleans(silo => silo.AddCollabSilo(builder.Configuration));
builder.Services.AddCollabTelemetry(builder.Configuration, "collab-silo");
await builder.Build().RunAsync();
