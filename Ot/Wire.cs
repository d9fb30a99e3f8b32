using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Collab.Ot;

/// <summary>Reads the protocol's JSON form of an operation: positive integers retain, negative integers delete, strings insert.</summary>
internal static class Wire
{
    public static TextOperation Read(JsonElement wire)
    {
        if (wire.ValueKind != JsonValueKind.Array)
        {
            throw new OtException($"an operation must be a JSON array, not {Describe(wire.ValueKind)}");
        }

        var builder = new OperationBuilder();
        var index = 0;
        foreach (var item in wire.EnumerateArray())
        {
            AddElement(builder, item, index++);
        }

        return builder.Build();
    }

    public static TextOperation Read(IReadOnlyList<object?> wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        var builder = new OperationBuilder();
        for (var index = 0; index < wire.Count; index++)
        {
            switch (wire[index])
            {
                case int number:
                    AddNumber(builder, number, index);
                    break;
                case long number when number is >= int.MinValue and <= int.MaxValue:
                    AddNumber(builder, (int)number, index);
                    break;
                case string text:
                    AddInsert(builder, text, index);
                    break;
                case JsonElement element:
                    AddElement(builder, element, index);
                    break;
                case var other:
                    throw new OtException($"component {index} must be an integer or a string, not {Describe(other)}");
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// Quotes text as a JSON string for ToString. Written by hand because System.Text.Json's encoders
    /// escape emoji, and logs and test failures are easier to read with the text as typed.
    /// </summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\').Append(c);
            }
            else if (c < ' ')
            {
                quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('"').ToString();
    }

    private static void AddElement(OperationBuilder builder, JsonElement item, int index)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.Number:
                if (!item.TryGetInt32(out var number))
                {
                    throw new OtException($"component {index} must be a 32-bit integer");
                }

                AddNumber(builder, number, index);
                break;
            case JsonValueKind.String:
                string text;
                try
                {
                    text = item.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    // System.Text.Json refuses to decode an escaped unpaired surrogate.
                    throw new OtException($"component {index} must not contain an unpaired surrogate");
                }

                AddInsert(builder, text, index);
                break;
            default:
                throw new OtException($"component {index} must be an integer or a string, not {Describe(item.ValueKind)}");
        }
    }

    private static void AddNumber(OperationBuilder builder, int number, int index)
    {
        switch (number)
        {
            case > 0:
                builder.Retain(number);
                break;
            case 0:
                throw new OtException($"component {index} is zero, which neither retains nor deletes");
            case int.MinValue:
                // Its negation does not fit in an int.
                throw new OtException($"component {index} deletes more than {int.MaxValue} code points");
            default:
                builder.Delete(-number);
                break;
        }
    }

    private static void AddInsert(OperationBuilder builder, string text, int index)
    {
        // An empty insert changes nothing, so it is dropped rather than failing the whole edit.
        if (text.Length == 0)
        {
            return;
        }

        if (!CodePoints.TryCountWellFormed(text, out var length))
        {
            throw new OtException($"component {index} must not contain an unpaired surrogate");
        }

        builder.Insert(text, 0, text.Length, length);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        long => "an integer outside the 32-bit range",
        bool => "a boolean",
        _ => $"a {value.GetType().Name}",
    };
}
