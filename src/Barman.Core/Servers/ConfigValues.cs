// A server's configuration as barman's ServerConfig.to_json() holds it, typed per option kind (show-servers, diagnose).
using System.Globalization;
using System.Text.Json.Nodes;
using Barman.Core.Configuration;

namespace Barman.Core.Servers;

/// <summary>Configuration keys and values in barman's representation.</summary>
public static class ConfigValues
{
    /// <summary>Options of this clone that Barman 3.4 does not have: never shown, so output stays byte-equal.</summary>
    private static readonly HashSet<string> Extensions = new(StringComparer.Ordinal)
    {
        "primary_checkpoint_timeout", "restore_test_maximum_age",
    };

    /// <summary>Global-only options that are not part of a server's configuration object.</summary>
    private static readonly HashSet<string> GlobalOnly = new(StringComparer.Ordinal)
    {
        "barman_user", "configuration_files_directory", "log_file", "log_format", "log_level",
    };

    public static Dictionary<string, JsonNode?> Build(ServerConfig server, RemoteStatusFlavor flavor)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, raw) in server.Values)
        {
            if (Extensions.Contains(key) || GlobalOnly.Contains(key))
            {
                continue;
            }
            var value = raw is "" or "None" ? null : raw;
            // A password in a connection string never reaches an output.
            if (value is not null && key.EndsWith("conninfo", StringComparison.Ordinal))
            {
                value = Postgres.Conninfo.Redact(value);
            }
            result[key] = OptionTable.ByName.TryGetValue(key, out var spec) ? Typed(server, spec, value, flavor) : value;
        }
        result["name"] = server.Name;
        result["active"] = server.Active;
        result["disabled"] = server.Disabled;
        result["msg_list"] = new JsonArray([.. server.Messages.Select(m => (JsonNode?)JsonValue.Create(m))]);
        return result;
    }

    private static JsonNode? Typed(ServerConfig server, OptionSpec spec, string? value, RemoteStatusFlavor flavor)
    {
        switch (spec.Kind)
        {
            case OptionKind.Bool:
                return value is not null && OptionParsers.TryParseBool(value, out var b) ? b : false;
            case OptionKind.Int:
                return value is not null && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
            case OptionKind.Size:
                return value is not null && OptionParsers.TryParseSize(value, out var bytes) ? bytes : null;
            case OptionKind.BackupOptions:
                // barman defaults to concurrent backups only for the postgres method.
                var options = (value ?? (server.BackupMethod == "postgres" ? "concurrent_backup" : string.Empty)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return flavor == RemoteStatusFlavor.Diagnose
                    ? string.Join(',', options)
                    : options.Length == 0 ? "BackupOptions()" : $"BackupOptions({{{string.Join(", ", options.Select(o => $"'{o}'"))}}})";
            case OptionKind.RecoveryOptions:
                var recovery = (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return flavor == RemoteStatusFlavor.Diagnose
                    ? string.Join(',', recovery)
                    : recovery.Length == 0 ? "RecoveryOptions()" : $"RecoveryOptions({{{string.Join(", ", recovery.Select(o => $"'{o}'"))}}})";
            case OptionKind.RetentionPolicy:
                // A policy barman could not parse is kept as typed (and reported by check).
                return server.RetentionPolicy is { } policy
                    ? flavor == RemoteStatusFlavor.Diagnose ? DiagnoseForm(policy) : policy.ToString()
                    : value;
            default:
                if (spec.Name == "wal_retention_policy")
                {
                    // With a retention policy barman holds a WAL policy object (printed upper case); without one, the raw text.
                    return server.RetentionPolicy is not { } p ? value ?? "main"
                        : flavor == RemoteStatusFlavor.Diagnose ? "simple-wal " + DiagnoseForm(p).Split(' ', 2)[1]
                        : (value ?? "main").ToUpperInvariant();
                }
                return value;
        }
    }

    /// <summary>The retention policy as barman's JSON encoder writes it: "window 14 d", "redundancy 2".</summary>
    private static string DiagnoseForm(RetentionPolicy policy) => policy switch
    {
        RetentionPolicy.Redundancy r => string.Create(CultureInfo.InvariantCulture, $"redundancy {r.Count} b"),
        RetentionPolicy.RecoveryWindow w => string.Create(CultureInfo.InvariantCulture,
            $"window {w.Count} {w.Unit switch { WindowUnit.Days => "d", WindowUnit.Weeks => "w", _ => "m" }}"),
        _ => policy.ToString(),
    };
}
