// The pre/post recovery scripts of one recover run, with barman's BARMAN_* variables (env_from_recover).
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Barman.Core.Catalog;
using Barman.Core.Configuration;

namespace Barman.Core.Hooks;

/// <summary>What <see cref="Recovery.RecoveryExecutor"/> calls before it copies anything and after it has finished.</summary>
public sealed class RecoveryHooks(HookScripts scripts, ImmutableDictionary<string, string> env)
{
    /// <summary>The variables every recovery script sees.</summary>
    public ImmutableDictionary<string, string> Environment => env;

    /// <summary>pre_recovery_script, then pre_recovery_retry_script (63 stops the recovery).</summary>
    public Task RunPreAsync(CancellationToken ct) => scripts.RunPreAsync("recovery", env, ct);

    /// <summary>post_recovery_retry_script, then post_recovery_script.</summary>
    public Task RunPostAsync(CancellationToken ct) => scripts.RunPostAsync("recovery", env, ct);

    /// <summary>
    /// Builds the environment: the backup's variables, the destination as typed, <c>NAME:LOCATION</c> rules as a sorted
    /// JSON object, the remote command, and the recovery options that are set (barman's keyword arguments with a true
    /// value) as sorted JSON in Python's json.dumps layout.
    /// </summary>
    public static RecoveryHooks For(ServerConfig server, TimeProvider clock, string backupId, string destination,
        IReadOnlyList<string> tablespaceRules, string? remoteCommand, IReadOnlyDictionary<string, object?> options)
    {
        var catalog = BackupCatalog.Load(server);
        var info = catalog.Backups.FirstOrDefault(b => b.BackupId == backupId) ?? new BackupInfo { BackupId = backupId };
        var tablespaces = tablespaceRules
            .Select(r => r.Split(':', 2))
            .Where(p => p.Length == 2)
            .Select(p => new KeyValuePair<string, object?>(p[0], p[1]));
        var env = HookEnvironment.ForRecovery(HookEnvironment.ForBackup(catalog, info), destination,
            Json(tablespaces), remoteCommand, Json(options.Where(o => o.Value is not (null or false or ""))));
        return new RecoveryHooks(HookScripts.For(server, clock), env);
    }

    // json.dumps(d, sort_keys=True): ", " and ": " separators, non-ASCII escaped; "" for an empty dict, as barman.
    internal static string Json(IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        var sorted = pairs.GroupBy(p => p.Key, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return string.Empty;
        }
        var sb = new StringBuilder("{");
        foreach (var (key, value) in sorted)
        {
            if (sb.Length > 1)
            {
                sb.Append(", ");
            }
            sb.Append(Quote(key)).Append(": ").Append(value switch
            {
                true => "true",
                int n => n.ToString(CultureInfo.InvariantCulture),
                _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
            });
        }
        return sb.Append('}').ToString();
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < 0x20 || c > 0x7e => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
