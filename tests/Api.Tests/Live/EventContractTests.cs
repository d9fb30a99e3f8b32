using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
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
            Assert.Matches("^[a-z]+(\\.[a-z]+)*$", TypeName(record));
            using var json = JsonDocument.Parse(Collab.Grains.Interfaces.Live.LiveJson.Serialize(Sample(record)));
            Assert.Equal(Fields(record).Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.Name)), json.RootElement.EnumerateObject().Select(p => p.Name));
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

    /// <summary>A record's fields in the order of its constructor, which is the order they are serialized in.</summary>
    private static IReadOnlyList<PropertyInfo> Fields(Type record) =>
        record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters()
            .Select(p => record.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance) ?? record.GetProperty(char.ToUpperInvariant(p.Name![0]) + p.Name[1..])!)
            .ToList();

    private static bool IsRecord(Type type) => type.Assembly == typeof(ILiveEvent).Assembly && type.IsClass && type != typeof(string);

    private static string Render()
    {
        var records = EventRecords();
        var nested = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            CollectNested(record, nested);
        }
        var ts = new StringBuilder();
        ts.Append("// Generated from the C# event records (Grains.Interfaces/<Area>/Events) by tests/Api.Tests/Live/EventContractTests.cs.\n");
        ts.Append("// Do not edit: change the records, then run COLLAB_WRITE_EVENT_TYPES=1 dotnet test tests/Api.Tests --filter EventContractTests\n");
        foreach (var type in records.Concat(nested.Values.Where(t => !records.Contains(t))))
        {
            ts.Append('\n').Append("export interface ").Append(type.Name).Append(" {\n");
            foreach (var property in Fields(type))
            {
                var optional = property.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition == JsonIgnoreCondition.WhenWritingNull;
                ts.Append("  ").Append(JsonNamingPolicy.CamelCase.ConvertName(property.Name)).Append(optional ? "?: " : ": ")
                    .Append(optional ? TsType(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) : TsType(property)).Append(";\n");
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

    private static void CollectNested(Type record, SortedDictionary<string, Type> nested)
    {
        foreach (var property in Fields(record))
        {
            foreach (var type in Mentioned(property.PropertyType).Where(IsRecord))
            {
                if (nested.TryAdd(type.Name, type))
                {
                    CollectNested(type, nested);
                }
            }
        }
    }

    private static IEnumerable<Type> Mentioned(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Mentioned) : type.IsArray ? Mentioned(type.GetElementType()!) : [type];

    private static string TsType(PropertyInfo property)
    {
        var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
            || Nullability.Create(property).ReadState == NullabilityState.Nullable;
        var ts = TsType(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
        return nullable ? $"{ts} | null" : ts;
    }

    private static string TsType(Type type)
    {
        if (type == typeof(string) || type == typeof(DateTimeOffset))
        {
            return "string";
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal))
        {
            return "number";
        }
        if (type == typeof(bool))
        {
            return "boolean";
        }
        if (type == typeof(JsonElement))
        {
            // A value whose shape depends on another field (a classroom answer or key, shaped by its question's kind).
            return "unknown";
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
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && type.GetGenericArguments()[0] == typeof(string))
        {
            return $"Record<string, {TsType(type.GetGenericArguments()[1])}>";
        }
        if (IsRecord(type))
        {
            return type.Name;
        }
        throw new NotSupportedException($"no TypeScript type for {type} in an event record; add one here");
    }

    /// <summary>A value of the type with every field set, so that serializing it shows every field.</summary>
    private static object Sample(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) return "x";
        if (underlying == typeof(DateTimeOffset)) return DateTimeOffset.UnixEpoch;
        if (underlying == typeof(int)) return 1;
        if (underlying == typeof(long)) return 1L;
        if (underlying == typeof(double)) return 1.0;
        if (underlying == typeof(decimal)) return 1m;
        if (underlying == typeof(bool)) return true;
        if (underlying == typeof(JsonElement)) return JsonSerializer.SerializeToElement(1);
        if (underlying == typeof(IReadOnlyList<object>)) return new List<object> { 1 };
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var item = underlying.GetGenericArguments()[0];
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(Sample(item));
            return list;
        }
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var arguments = underlying.GetGenericArguments();
            var map = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            map.Add(Sample(arguments[0]), Sample(arguments[1]));
            return map;
        }
        var constructor = underlying.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => Sample(p.ParameterType)).ToArray());
    }
}
