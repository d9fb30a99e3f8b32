using Collab.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Api.Tests.Infrastructure;

/// <summary>
/// The real Api (co-hosted silo, SQLite file, Kestrel on a free loopback port) in this process, so tests speak real
/// HTTP and WebSockets to it. A host can be stopped and started again on the same data folder; one made by
/// <see cref="OnFreshFolder"/> deletes its folder when disposed.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<WebApplicationBuilder>? _configure;
    private WebApplication? _app;
    private DataFolder? _ownedFolder;

    public ApiHost(string dataDirectory, IDictionary<string, string?>? overrides = null, Action<WebApplicationBuilder>? configure = null)
    {
        DataDirectory = dataDirectory;
        _configure = configure;
        _settings = new Dictionary<string, string?>
        {
            ["Collab:DataDirectory"] = dataDirectory,
            ["Collab:Orleans:SiloPort"] = FreePorts.Next().ToString(),
            ["Collab:Orleans:GatewayPort"] = FreePorts.Next().ToString(),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>A host on a data folder of its own, which goes when the host is disposed.</summary>
    public static ApiHost OnFreshFolder(IDictionary<string, string?>? overrides = null, Action<WebApplicationBuilder>? configure = null)
    {
        var folder = new DataFolder();
        return new ApiHost(folder.Path, overrides, configure) { _ownedFolder = folder };
    }

    public async Task StartAsync()
    {
        _app = CollabApi.Build(["--environment=Development"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(_settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            _configure?.Invoke(builder);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public TestUser User(string userId, string role = "teacher", string? name = null, string school = "school-1", string county = "county-1") =>
        new(BaseAddress, userId, role, name ?? userId, school, county);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _ownedFolder?.Dispose();
        _ownedFolder = null;
    }
}
