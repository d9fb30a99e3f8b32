using Collab.Silo.Hosting;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddCollabSilo(builder.Configuration));
builder.Services.AddCollabTelemetry(builder.Configuration, "collab-silo");
await builder.Build().RunAsync();
