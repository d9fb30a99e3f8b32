using Collab.Grains.Interfaces.Live;
using Collab.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Collab.Cluster.Tests.Infrastructure;

/// <summary>An Orleans client of the test's cluster that asks which silo holds a grain's activation.</summary>
public sealed class GrainLocator : IAsyncDisposable
{
    private readonly IHost _host;

    private GrainLocator(IHost host) => _host = host;

    public static async Task<GrainLocator> ConnectAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = "collab";
                cluster.ServiceId = "collab";
            });
            client.UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = CollabSiloConfiguration.PostgresInvariant;
                clustering.ConnectionString = connectionString;
            });
            client.Services.AddSerializer(serializer => serializer.AddAssembly(typeof(ILiveStreamGrain).Assembly));
        });
        var host = builder.Build();
        await host.StartAsync();
        return new GrainLocator(host);
    }

    /// <summary>The silo port of the silo where the grain is active, or null when it is not active anywhere.</summary>
    public async Task<int?> SiloPortOfAsync<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        var grains = _host.Services.GetRequiredService<IClusterClient>();
        var address = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<TGrain>(key));
        return address?.Endpoint.Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
