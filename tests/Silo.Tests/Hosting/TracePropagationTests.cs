using Collab.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collab.Silo.Tests.Hosting;

/// <summary>
/// Orleans' trace propagation filters wrap every grain call, so a silo has them only when traces are recorded; without
/// an exporter they would create nothing and carry nothing, and still cost each call a turn per filter.
/// </summary>
public sealed class TracePropagationTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData(null, "0", false)]
    [InlineData(null, "0.25", true)]
    [InlineData("http://127.0.0.1:4317", null, true)]
    [InlineData("http://127.0.0.1:4317", "0", false)]
    public void A_silo_propagates_traces_into_grain_calls_exactly_when_it_records_them(string? otlpEndpoint, string? ratio, bool propagates)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("collab-trace-").FullName;
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Collab:DataDirectory"] = dataDirectory,
                ["Collab:Telemetry:OtlpEndpoint"] = otlpEndpoint,
                ["Collab:Telemetry:TraceSampleRatio"] = ratio,
            });

            builder.UseOrleans(silo => silo.AddCollabSilo(builder.Configuration));

            var filters = builder.Services
                .Where(service => service.ServiceType == typeof(IIncomingGrainCallFilter) || service.ServiceType == typeof(IOutgoingGrainCallFilter))
                .Select(service => service.ImplementationType?.Name ?? "")
                .Where(name => name.StartsWith("ActivityPropagation", StringComparison.Ordinal))
                .Order()
                .ToList();
            Assert.Equal(propagates ? ["ActivityPropagationIncomingGrainCallFilter", "ActivityPropagationOutgoingGrainCallFilter"] : [], filters);
            Assert.Equal(propagates, CollabTelemetry.RecordsTraces(builder.Configuration));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
