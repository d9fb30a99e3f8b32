using Collab.Silo.Hosting;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddCollabSilo(builder.Configuration));
await builder.Build().RunAsync();
