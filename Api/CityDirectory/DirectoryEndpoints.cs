using System.Security.Claims;
using System.Text.Json;
using Collab.Api.Auth;
using Collab.Api.Errors;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Microsoft.Extensions.Options;

namespace Collab.Api.CityDirectory;

/// <summary>REST of PROTOCOL §6: the import, the searches and the caller's own view.</summary>
public static class DirectoryEndpoints
{
    public const string ProgressMediaType = "application/x-ndjson";

    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder routes)
    {
        var limits = routes.ServiceProvider.GetRequiredService<IOptions<DirectoryImportOptions>>().Value;
        routes.MapPost("/api/directory/import", ImportAsync).RequireAuthorization().WithMetadata(new BodySizeLimit(limits.MaxImportBytes));

        var api = routes.MapGroup("").RefuseControlCharacters().RequireAuthorization();
        var directory = api.MapGroup("/api/directory");
        directory.MapGet("/people", (string? q, string? school, string? county, string? role, int? limit, string? cursor, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<IDirectoryGrain>(0).SearchPeopleAsync(user.ToCaller(), new PeopleSearch(q, school, county, role, limit, cursor)));
        directory.MapGet("/schools", async (string? county, ClaimsPrincipal user, IGrainFactory grains) =>
            new { schools = await grains.GetGrain<IDirectoryGrain>(0).SchoolsAsync(user.ToCaller(), county) });
        directory.MapGet("/classes/{id}", (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<IDirectoryGrain>(0).ClassAsync(user.ToCaller(), id));
        api.MapGet("/api/me", (ClaimsPrincipal user, IGrainFactory grains) => grains.GetGrain<IDirectoryGrain>(0).MeAsync(user.ToCaller()));
        return routes;
    }

    /// <summary>
    /// The body is spooled to a temporary file (deleted when closed) so it can be read twice without holding it in
    /// memory. With <c>Accept: application/x-ndjson</c> the answer is a line of progress per batch and the summary last.
    /// </summary>
    private static async Task ImportAsync(HttpContext http, string? kind, ClaimsPrincipal user, DirectoryImporter importer, IOptions<DirectoryImportOptions> options)
    {
        var caller = user.ToCaller();
        var csv = http.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;
        if (!csv && http.Request.HasJsonContentType() is false)
        {
            throw CollabException.Invalid("an import is application/json, or text/csv with ?kind=schools|people|classes|deactivate");
        }
        if (csv && !ImportCsvReader.IsKind(kind))
        {
            throw CollabException.Invalid("a CSV import names its kind: ?kind=schools|people|classes|deactivate");
        }
        var import = await importer.BeginAsync(caller);
        await using var file = await SpoolAsync(http.Request, options.Value.MaxImportBytes);
        IAsyncEnumerable<ImportRow> Read()
        {
            file.Position = 0;
            return csv ? new ImportCsvReader(file, kind!).ReadAsync() : new ImportJsonReader(file).ReadAsync();
        }
        var streaming = http.Request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals(ProgressMediaType, StringComparison.OrdinalIgnoreCase));
        if (!streaming)
        {
            var summary = await importer.RunAsync(import, caller, Read, _ => Task.CompletedTask);
            await http.Response.WriteAsJsonAsync(summary, JsonSerializerOptions.Web);
            return;
        }
        await ProgressLines.RunAsync(http.Response, progress => importer.RunAsync(import, caller, Read, progress));
    }

    private static async Task<FileStream> SpoolAsync(HttpRequest request, long maxBytes)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"collab-import-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw CollabException.TooLarge($"an import file is at most {maxBytes} bytes");
                }
                await file.WriteAsync(buffer.AsMemory(0, read));
            }
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
