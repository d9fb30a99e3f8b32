using System.Diagnostics;
using Collab.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Collab.Silo.Tests.Hosting;

/// <summary>
/// Without an exporter no trace is recorded: a request's root activity still exists (its trace id is in the hub call's
/// logs) but the grain calls under it create none, which is what saves their cost; with a ratio set, traces are recorded
/// whole again.
/// </summary>
public sealed class TraceSamplingTests
{
    private static readonly ActivitySource Orleans = new("Microsoft.Orleans.Runtime");

    private static ServiceProvider Telemetry(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddCollabTelemetry(configuration, "collab-test").BuildServiceProvider();
        services.GetRequiredService<TracerProvider>();
        return services;
    }

    [Fact]
    public void Without_an_exporter_only_root_activities_exist_and_nothing_is_recorded()
    {
        using var services = Telemetry([]);
        using var call = Orleans.StartActivity("hub call");

        Assert.NotNull(call);
        Assert.NotEqual(default, call.TraceId);
        Assert.False(call.Recorded);
        Assert.False(call.IsAllDataRequested);
        Assert.Null(Orleans.StartActivity("grain call"));
    }

    [Fact]
    public void A_configured_ratio_of_one_records_every_trace()
    {
        using var services = Telemetry(new() { ["Collab:Telemetry:TraceSampleRatio"] = "1" });
        using var call = Orleans.StartActivity("hub call");

        Assert.NotNull(call);
        Assert.True(call.Recorded);
        using var grainCall = Orleans.StartActivity("grain call");
        Assert.Equal(call.TraceId, grainCall!.TraceId);
        Assert.True(grainCall.Recorded);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    public void A_ratio_outside_zero_to_one_is_refused_at_start(string ratio)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Telemetry(new() { ["Collab:Telemetry:TraceSampleRatio"] = ratio }));
        Assert.Contains("TraceSampleRatio", error.Message);
    }
}
