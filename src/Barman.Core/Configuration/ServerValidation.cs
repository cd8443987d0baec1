// The configuration errors that disable a server when barman 3.4 builds it, in the order barman reports them.
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Barman.Core.Configuration;

/// <summary>
/// Load-time rules (found by running barman 3.4): conflicting directories, missing connections, options the backup
/// method does not support, a streaming-only archiver without its settings. Each message disables the server.
/// </summary>
internal static partial class ServerValidation
{
    /// <summary>The directories barman compares, in the order it registers them (a later one reports the clash).</summary>
    private static readonly ImmutableArray<string> PathKeys =
        ["backup_directory", "basebackups_directory", "errors_directory", "incoming_wals_directory", "streaming_wals_directory", "wals_directory"];

    /// <summary>Every problem of one server; <paramref name="archiverOn"/> is the archiver setting before it is forced on.</summary>
    public static ImmutableArray<string> Messages(string name, IReadOnlyDictionary<string, string?> values, bool archiverOn, bool streamingOn)
    {
        var messages = ImmutableArray.CreateBuilder<string>();
        messages.AddRange(PathConflicts(name, values));
        var conninfo = values.GetValueOrDefault("conninfo");
        var streamingConninfo = values.GetValueOrDefault("streaming_conninfo");
        var method = values.GetValueOrDefault("backup_method") ?? "rsync";
        if (conninfo is null)
        {
            messages.Add($"PostgreSQL connection: Missing 'conninfo' parameter for server '{name}'");
        }
        else if (Unparsable(conninfo))
        {
            messages.Add($"PostgreSQL connection: {NotAConnectionString(conninfo)}");
        }
        if ((method == "postgres" || streamingOn) && streamingConninfo is null)
        {
            messages.Add($"Streaming connection: Missing 'streaming_conninfo' parameter for server '{name}'");
        }
        else if ((method == "postgres" || streamingOn) && Unparsable(streamingConninfo!))
        {
            messages.Add($"Streaming connection: {NotAConnectionString(streamingConninfo!)}");
        }
        messages.AddRange(MethodProblems(name, method, values));
        // The message names both options, but only a missing slot_name triggers it (a missing connection is reported above).
        if (!archiverOn && streamingOn && values.GetValueOrDefault("slot_name") is null)
        {
            messages.Add("Streaming-only archiver requires 'streaming_conninfo' and 'slot_name' options to be properly configured");
        }
        return messages.ToImmutable();
    }

    /// <summary>
    /// A connection string libpq cannot split into key=value pairs (a word without '=', a malformed URI). barman 3.4
    /// lets an unknown keyword and an unterminated quote through to connection time, so they do not count here.
    /// </summary>
    private static bool Unparsable(string conninfo)
    {
        try
        {
            Postgres.Conninfo.Parse(conninfo);
            return false;
        }
        catch (Errors.PostgresException e)
        {
            return !e.Message.StartsWith("invalid connection option", StringComparison.Ordinal)
                && !e.Message.StartsWith("unterminated quoted string", StringComparison.Ordinal);
        }
    }

    /// <summary>barman's wording, with the password masked its way (<c>*REDACTED*</c>, the rest kept as written).</summary>
    private static string NotAConnectionString(string conninfo) =>
        $"Cannot connect to postgres: \"{UriPassword().Replace(KeywordPassword().Replace(conninfo, "password=*REDACTED*"), "$1*REDACTED*@")}\" is not a valid connection string";

    // Unlike barman, "password = x" (libpq allows spaces) is masked too: a password never reaches the output.
    [GeneratedRegex(@"password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordPassword();

    [GeneratedRegex(@"(://[^:@/]*:)[^@/]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UriPassword();

    /// <summary>barman's backup executors refuse options their method cannot honour; a missing ssh_command stops there.</summary>
    private static IEnumerable<string> MethodProblems(string name, string method, IReadOnlyDictionary<string, string?> values)
    {
        if (method == "postgres")
        {
            if (values.GetValueOrDefault("tablespace_bandwidth_limit") is { Length: > 0 })
            {
                yield return "tablespace_bandwidth_limit option is not supported by postgres backup_method";
            }
            if (values.GetValueOrDefault("reuse_backup") is { } reuse && reuse != "off")
            {
                yield return "reuse_backup option is not supported by postgres backup_method";
            }
            if (values.GetValueOrDefault("network_compression") is { } nc && OptionParsers.TryParseBool(nc, out var on) && on)
            {
                yield return "network_compression option is not supported by postgres backup_method";
            }
            yield break;
        }
        if (method != "local-rsync" && values.GetValueOrDefault("ssh_command") is null)
        {
            yield return $"Missing or invalid ssh_command in barman configuration for server {name}";
            yield break;
        }
        if (values.GetValueOrDefault("backup_compression") is not null)
        {
            yield return "backup_compression option is not supported by rsync backup_method";
        }
    }

    /// <summary>Two of a server's directories resolving to the same place (barman compares real paths).</summary>
    private static IEnumerable<string> PathConflicts(string name, IReadOnlyDictionary<string, string?> values)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, path, real) in Paths(values))
        {
            if (seen.TryGetValue(real, out var first))
            {
                yield return $"Conflicting path: {key}={Shown(path, real)} conflicts with '{first}' for server '{name}'";
            }
            else
            {
                seen[real] = key;
            }
        }
    }

    /// <summary>
    /// A directory of one server that is also another server's: barman refuses the whole configuration with the first
    /// such clash (servers in name order), since two servers would archive or delete in the same place.
    /// </summary>
    public static string? CrossServerConflict(IEnumerable<ServerConfig> servers)
    {
        var owners = new Dictionary<string, (string Key, string Server)>(StringComparer.Ordinal);
        foreach (var server in servers.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            foreach (var (key, path, real) in Paths(server.Values))
            {
                if (!owners.TryGetValue(real, out var owner))
                {
                    owners[real] = (key, server.Name);
                }
                else if (owner.Server != server.Name)
                {
                    return $"Conflicting path: {key}={Shown(path, real)} for server '{server.Name}' conflicts with '{owner.Key}' for server '{owner.Server}'";
                }
            }
        }
        return null;
    }

    private static IEnumerable<(string Key, string Path, string Real)> Paths(IReadOnlyDictionary<string, string?> values) =>
        PathKeys.Where(k => values.GetValueOrDefault(k) is not null).Select(k => (k, values[k]!, RealPath.Of(values[k]!)));

    private static string Shown(string path, string real) => real == path ? path : $"{path} (symlink to: {real})";
}
