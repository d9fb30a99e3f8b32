using System.Text.Json;
using Collab.Api.Errors;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.CityDirectory;

/// <summary>
/// An import's answer as newline-delimited JSON: <c>{"progress":{kind,done,total}}</c> per batch, then
/// <c>{"result":{…}}</c>, or <c>{"error":{code,message}}</c> when it fails after the first line was sent (the rows
/// stored before the failure stay, and importing the file again completes it).
/// </summary>
public static class ProgressLines
{
    public static async Task RunAsync(HttpResponse response, Func<Func<ImportProgress, Task>, Task<ImportSummary>> run)
    {
        response.ContentType = DirectoryEndpoints.ProgressMediaType;
        await response.StartAsync();
        try
        {
            var summary = await run(progress => WriteAsync(response, new { progress }));
            await WriteAsync(response, new { result = summary });
        }
        catch (Exception e) when (FaultTranslation.Translate(e) is { } fault)
        {
            await WriteAsync(response, new { error = new { code = fault.Code, message = fault.Message } });
        }
    }

    private static async Task WriteAsync(HttpResponse response, object line)
    {
        await JsonSerializer.SerializeAsync(response.Body, line, JsonSerializerOptions.Web);
        await response.Body.WriteAsync("\n"u8.ToArray());
        await response.Body.FlushAsync();
    }
}
