using System.Reflection;
using System.Text;
using System.Text.Json;
using Collab.Grains.Interfaces.Live;

namespace Collab.Api.Tests.Live;

/// <summary>
/// The web client's event types are generated from the C# event records, so the two cannot drift: this test renders
/// them and fails when <c>web/src/live/events.generated.ts</c> differs (set COLLAB_WRITE_EVENT_TYPES=1 to rewrite it),
/// and the web build's type check then holds every screen to the generated types.
/// </summary>
public sealed class EventContractTests
{
    private static readonly string GeneratedPath = Path.Combine(RepositoryPaths.Root, "web", "src", "live", "events.generated.ts");

    private static readonly NullabilityInfoContext Nullability = new();

    private static IReadOnlyList<Type> EventRecords() =>
        typeof(ILiveEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ILiveEvent).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    private static string TypeName(Type record) => (string)record.GetProperty(nameof(ILiveEvent.Type), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [Fact]
    public void Every_event_record_names_a_distinct_protocol_type_and_serializes_as_its_declared_fields()
    {
        var records = EventRecords();
        Assert.NotEmpty(records);
        Assert.Equal(records.Count, records.Select(TypeName).Distinct().Count());
        foreach (var record in records)
        {
            Assert.Matches("^[a-z]+(\\.[a-z]+)+$", TypeName(record));
            var parameters = record.GetConstructors().Single(c => c.GetParameters().Length > 0).GetParameters();
            var instance = Activator.CreateInstance(record, parameters.Select(p => Sample(p.ParameterType)).ToArray())!;
            using var json = JsonDocument.Parse(Collab.Grains.Live.LiveJson.Serialize<object>(instance));
            Assert.Equal(parameters.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)), json.RootElement.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void The_web_clients_event_types_are_the_ones_generated_from_the_records()
    {
        var generated = Render();
        if (Environment.GetEnvironmentVariable("COLLAB_WRITE_EVENT_TYPES") == "1")
        {
            File.WriteAllText(GeneratedPath, generated);
        }
        var current = File.Exists(GeneratedPath) ? File.ReadAllText(GeneratedPath) : "";
        Assert.True(current == generated,
            $"{GeneratedPath} is not what the event records give; run COLLAB_WRITE_EVENT_TYPES=1 dotnet test tests/Api.Tests --filter EventContractTests, then fix the web client where its type check fails");
    }

    private static string Render()
    {
        var ts = new StringBuilder();
        ts.Append("// Generated from the C# event records (Grains.Interfaces/<Area>/Events) by tests/Api.Tests/Live/EventContractTests.cs.\n");
        ts.Append("// Do not edit: change the records, then run COLLAB_WRITE_EVENT_TYPES=1 dotnet test tests/Api.Tests --filter EventContractTests\n");
        var records = EventRecords();
        foreach (var record in records)
        {
            ts.Append('\n').Append("export interface ").Append(record.Name).Append(" {\n");
            foreach (var parameter in record.GetConstructors().Single(c => c.GetParameters().Length > 0).GetParameters())
            {
                var property = record.GetProperty(parameter.Name!)!;
                ts.Append("  ").Append(JsonNamingPolicy.CamelCase.ConvertName(property.Name)).Append(": ").Append(TsType(property)).Append(";\n");
            }
            ts.Append("}\n");
        }
        ts.Append("\n/** The data of each event, by its protocol type. */\nexport interface LiveEventData {\n");
        foreach (var record in records.OrderBy(TypeName, StringComparer.Ordinal))
        {
            ts.Append("  \"").Append(TypeName(record)).Append("\": ").Append(record.Name).Append(";\n");
        }
        ts.Append("}\n");
        return ts.ToString();
    }

    private static string TsType(PropertyInfo property)
    {
        var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
            || Nullability.Create(property).ReadState == NullabilityState.Nullable;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var ts = TsType(type);
        return nullable ? $"{ts} | null" : ts;
    }

    private static string TsType(Type type)
    {
        if (type == typeof(string) || type == typeof(DateTimeOffset))
        {
            return "string";
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(double))
        {
            return "number";
        }
        if (type == typeof(bool))
        {
            return "boolean";
        }
        if (type == typeof(IReadOnlyList<object>))
        {
            // The one list of mixed items an event carries: an op in the OT wire form, retains and deletes as numbers, inserts as strings.
            return "(number | string)[]";
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return TsType(type.GetGenericArguments()[0]) + "[]";
        }
        throw new NotSupportedException($"no TypeScript type for {type} in an event record; add one here");
    }

    private static object? Sample(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => "x",
            _ when underlying == typeof(DateTimeOffset) => DateTimeOffset.UnixEpoch,
            _ when underlying == typeof(int) => 1,
            _ when underlying == typeof(long) => 1L,
            _ when underlying == typeof(double) => 1.0,
            _ when underlying == typeof(bool) => true,
            _ when underlying == typeof(IReadOnlyList<object>) => new List<object> { 1 },
            _ => throw new NotSupportedException($"no sample for {type}"),
        };
    }
}
