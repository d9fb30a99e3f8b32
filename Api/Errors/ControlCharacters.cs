using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Errors;

/// <summary>
/// Finds control characters (<see cref="char.IsControl(char)"/>) in what a client sent, before anything is stored:
/// PostgreSQL refuses U+0000 in text, and ids, keys and short fields have no use for any of them. Only a
/// <see cref="FreeTextAttribute"/> field may keep line breaks and tabs. It walks strings, collections, dictionaries
/// (their keys too), JSON and the public properties of the project's own records, whose fields it learns once per type.
/// The walk goes as deep as the value: the deserializers that built it bound its depth (System.Text.Json at 64).
/// </summary>
public static class ControlCharacters
{
    private static readonly ConcurrentDictionary<Type, Field[]> FieldsByType = new();

    private static readonly ConcurrentDictionary<MethodInfo, Field[]> ParametersByMethod = new();

    /// <summary>The name of the first argument or field of <paramref name="method"/>'s call that holds a refused character, or null.</summary>
    public static string? Find(MethodInfo method, IEnumerable<object?> arguments)
    {
        var parameters = ParametersByMethod.GetOrAdd(method, static method =>
            method.GetParameters().Select(parameter => new Field(parameter.Name ?? "", null, parameter.IsDefined(typeof(FreeTextAttribute)))).ToArray());
        foreach (var (parameter, argument) in parameters.Zip(arguments))
        {
            if (Find(argument, parameter.Name, parameter.FreeText) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    public static bool Allowed(string text, bool freeText) => TextCharacters.Allowed(text, freeText);

    private static string? Find(object? value, string path, bool freeText)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return Allowed(text, freeText) ? null : path;
            case JsonElement json:
                return Find(json, path, freeText);
            case Array array when array.GetType().GetElementType()!.IsPrimitive:
                return null;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key as string ?? "";
                    if (!Allowed(key, freeText: false))
                    {
                        return $"a key of {path}";
                    }
                    if (Find(entry.Value, $"{path}.{key}", freeText) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    if (Find(item, $"{path}[{index++}]", freeText) is { } found)
                    {
                        return found;
                    }
                }
                return null;
        }
        foreach (var field in FieldsByType.GetOrAdd(value.GetType(), FieldsOf))
        {
            if (Find(field.Property!.GetValue(value), $"{path}.{field.Name}", field.FreeText) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>The path of the first string or key in <paramref name="json"/> that holds a refused character, or null.</summary>
    public static string? Find(JsonElement json, string path, bool freeText)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                return Allowed(json.GetString()!, freeText) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in json.EnumerateObject())
                {
                    if (!Allowed(property.Name, freeText: false))
                    {
                        return $"a key of {path}";
                    }
                    if (Find(property.Value, $"{path}.{property.Name}", freeText) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in json.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]", freeText) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The readable properties of the project's own records, which is what clients send; other types (numbers, times,
    /// services an endpoint takes beside its body) hold no client text.
    /// </summary>
    private static Field[] FieldsOf(Type type) =>
        type.Namespace?.StartsWith("Collab.", StringComparison.Ordinal) != true || type.GetMethod("<Clone>$") is null
            ? []
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.CanRead && property.GetIndexParameters().Length == 0)
                .Select(property => new Field(JsonNamingPolicy.CamelCase.ConvertName(property.Name), property, property.IsDefined(typeof(FreeTextAttribute))))
                .ToArray();

    private sealed record Field(string Name, PropertyInfo? Property, bool FreeText);
}
