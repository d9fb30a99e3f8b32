using Microsoft.Extensions.FileProviders;

namespace Collab.Api.WebClient;

/// <summary>
/// Serves the browser client that web/ builds into Api/wwwroot: its files, and index.html for every other path the
/// client routes itself (/groups/…, /exams/…), never for /api, /hubs, /health or /metrics, which keep their own 404s.
/// Without a built client (no Node.js at build time) nothing is mapped and the Api answers exactly as before.
/// </summary>
public static class WebClientHosting
{
    private const string ClientPaths = "{*path:nonfile:regex(^(?!(api|hubs|health|metrics)(/|$)).*$)}";

    public static WebApplication UseWebClient(this WebApplication app)
    {
        var root = Locate(app.Environment, app.Configuration);
        if (root is null)
        {
            app.Logger.LogInformation("No built web client (Api/wwwroot/index.html); build web/ with Node.js to serve it at /");
            return app;
        }
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Hashed asset names may be cached for good; index.html must be asked for again after every build.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.File.Name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
        });
        app.MapFallbackToFile(ClientPaths, "index.html", new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    /// <summary>
    /// The configured <c>Collab:WebRoot</c>, else the content root's wwwroot (dotnet run, a publish folder), else the
    /// source tree's Api/wwwroot seen from bin/&lt;configuration&gt;/&lt;framework&gt; (dotnet Api/bin/…/Api.dll).
    /// </summary>
    private static string? Locate(IWebHostEnvironment environment, IConfiguration configuration)
    {
        string?[] candidates =
        [
            configuration["Collab:WebRoot"],
            Path.Combine(environment.ContentRootPath, "wwwroot"),
            Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "wwwroot")),
        ];
        return candidates.FirstOrDefault(dir => dir is not null && File.Exists(Path.Combine(dir, "index.html")));
    }
}
