// diagnose's "backups" section: every backup.info as a typed JSON object, times in the local zone with a 'T'.
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Barman.Core.Checks;
using Barman.Core.Configuration;
using Barman.Core.Formatting;

namespace Barman.Core.Servers;

/// <summary>Reads backup.info files into the JSON barman's diagnose prints (its to_dict with BarmanEncoderV2).</summary>
internal static partial class DiagnoseBackups
{
    /// <summary>backup.info keys whose values are integers.</summary>
    private static readonly HashSet<string> IntegerKeys = new(StringComparer.Ordinal)
    {
        "begin_offset", "end_offset", "size", "deduplicated_size", "timeline", "version", "xlog_segment_size",
    };

    /// <summary>Every field of barman's backup.info: a file lacking one still shows it, as null.</summary>
    private static readonly string[] Fields =
    [
        "backup_label", "begin_offset", "begin_time", "begin_wal", "begin_xlog", "compression", "config_file", "copy_stats",
        "deduplicated_size", "end_offset", "end_time", "end_wal", "end_xlog", "error", "hba_file", "ident_file", "included_files",
        "mode", "pgdata", "server_name", "size", "status", "systemid", "tablespaces", "timeline", "version", "xlog_segment_size",
    ];

    public static JsonObject Build(ServerConfig server)
    {
        var result = new JsonObject();
        if (!Directory.Exists(server.BaseBackupsDirectory))
        {
            return result;
        }
        foreach (var dir in Directory.EnumerateDirectories(server.BaseBackupsDirectory).Order(StringComparer.Ordinal))
        {
            var info = Path.Combine(dir, "backup.info");
            if (!File.Exists(info))
            {
                continue;
            }
            var id = Path.GetFileName(dir);
            var node = new JsonObject { ["backup_id"] = id };
            foreach (var field in Fields)
            {
                node[field] = null;
            }
            foreach (var (key, raw) in CatalogFacts.ParseInfo(File.ReadAllLines(info)))
            {
                node[key] = Value(key, raw);
            }
            result[id] = node;
        }
        return result;
    }

    private static JsonNode? Value(string key, string raw)
    {
        if (raw == "None")
        {
            return null;
        }
        if (IntegerKeys.Contains(key) && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        if (key is "begin_time" or "end_time" && CatalogFacts.ParseTime(raw) is { } time)
        {
            return HumanFormat.IsoWithOffset(TimeZoneInfo.ConvertTime(time, TimeZoneInfo.Local)).Replace(' ', 'T');
        }
        if (key == "copy_stats")
        {
            return PythonDict(raw);
        }
        return raw;
    }

    /// <summary>A flat Python dict repr of numbers (copy_stats): {'copy_time': 1.29, 'total_time': 1.29}.</summary>
    private static JsonNode PythonDict(string raw)
    {
        var result = new JsonObject();
        foreach (Match m in DictEntry().Matches(raw))
        {
            var text = m.Groups[2].Value;
            result[m.Groups[1].Value] = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                ? JsonValue.Create(l)
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : JsonValue.Create(text);
        }
        return result;
    }

    [GeneratedRegex(@"'([^']+)':\s*([-0-9.eE+]+)", RegexOptions.CultureInvariant)]
    private static partial Regex DictEntry();
}
