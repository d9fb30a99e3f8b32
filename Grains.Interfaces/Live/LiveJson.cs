using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Collab.Grains.Interfaces.Live;

/// <summary>The one JSON shape of event data and snapshots: camelCase and UTC timestamps, as the client contract requires.</summary>
public static class LiveJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the contract's conventions to options owned by someone else (ASP.NET Core's, SignalR's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Chinese text stays readable (and a third of the size) instead of \uXXXX escapes.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.Converters.Add(new UtcTimestampConverter());
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
