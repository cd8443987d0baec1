// Writes JSON exactly as Python's json.dumps(sort_keys=True) does: ", " and ": " separators, ASCII-only.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Barman.Cli.Output;

/// <summary>Serialises a <see cref="JsonNode"/> the way barman's JSON output looks, byte for byte.</summary>
internal static class PythonJson
{
    public static string Serialize(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    /// <summary>json.dumps(node, indent=4, sort_keys=True): one item per line, "," at line ends, empty containers inline.</summary>
    public static string SerializeIndented(JsonNode? node)
    {
        var sb = new StringBuilder();
        WriteIndented(sb, node, 0);
        return sb.ToString();
    }

    private static void WriteIndented(StringBuilder sb, JsonNode? node, int level)
    {
        var pad = new string(' ', 4 * (level + 1));
        switch (node)
        {
            case JsonObject { Count: > 0 } obj:
                sb.Append("{\n");
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        sb.Append(",\n");
                    }
                    first = false;
                    sb.Append(pad);
                    WriteString(sb, key);
                    sb.Append(": ");
                    WriteIndented(sb, value, level + 1);
                }
                sb.Append('\n').Append(' ', 4 * level).Append('}');
                break;
            case JsonArray { Count: > 0 } array:
                sb.Append("[\n");
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(",\n");
                    }
                    sb.Append(pad);
                    WriteIndented(sb, array[i], level + 1);
                }
                sb.Append('\n').Append(' ', 4 * level).Append(']');
                break;
            default:
                Write(sb, node);
                break;
        }
    }

    private static void Write(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }
                    first = false;
                    WriteString(sb, key);
                    sb.Append(": ");
                    Write(sb, value);
                }
                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }
                    Write(sb, array[i]);
                }
                sb.Append(']');
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Number:
                if (value.TryGetValue<long>(out var l))
                {
                    sb.Append(l.ToString(CultureInfo.InvariantCulture));
                }
                else if (value.TryGetValue<int>(out var i))
                {
                    sb.Append(i.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(PythonFloat(value.GetValue<double>()));
                }
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    /// <summary>Python's float repr: shortest round-trip form, always with a decimal point or exponent.</summary>
    public static string PythonFloat(double d)
    {
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        if (s.Contains('E', StringComparison.Ordinal))
        {
            s = s.Replace("E", "e", StringComparison.Ordinal);
            var parts = s.Split('e');
            var exp = int.Parse(parts[1], CultureInfo.InvariantCulture);
            return parts[0] + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }
        return s.Contains('.', StringComparison.Ordinal) ? s : s + ".0";
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                default:
                    if (c < 0x20 || c > 0x7f)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }
}
