// Stop-gap: reads base/<id>/backup.info into a RecoverySource and resolves latest/oldest/id/name.
// The catalog's BackupInfo/BackupCatalog replace this file; only RecoverCommand calls it.
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Barman.Core.Errors;

namespace Barman.Core.Recovery;

/// <summary>Minimal backup.info reader for recovery (key=value lines, Python reprs for label and tablespaces).</summary>
public static partial class BackupInfoAdapter
{
    /// <summary>Finds a DONE backup by id, name or latest/last/oldest/first, as barman resolves recover's backup_id.</summary>
    public static RecoverySource Resolve(string baseBackupsDirectory, string serverName, string selector)
    {
        var done = Directory.Exists(baseBackupsDirectory)
            ? Directory.GetDirectories(baseBackupsDirectory)
                .Select(d => Path.Combine(d, "backup.info"))
                .Where(File.Exists)
                .Select(p => (Path: p, Keys: ParseKeys(File.ReadAllText(p))))
                .Where(b => b.Keys.GetValueOrDefault("status") == "DONE")
                .OrderBy(b => Path.GetFileName(Path.GetDirectoryName(b.Path)), StringComparer.Ordinal)
                .ToList()
            : [];
        var match = selector switch
        {
            "latest" or "last" => done.Count > 0 ? done[^1] : default,
            "oldest" or "first" => done.Count > 0 ? done[0] : default,
            _ => done.FirstOrDefault(b => Path.GetFileName(Path.GetDirectoryName(b.Path)) == selector)
                 is { Path: not null } byId ? byId : done.FirstOrDefault(b => b.Keys.GetValueOrDefault("backup_name") == selector),
        };
        if (match.Path is null)
        {
            throw new BarmanException($"Unknown backup '{selector}' for server '{serverName}'");
        }
        return Read(Path.GetDirectoryName(match.Path)!);
    }

    /// <summary>Reads <c>&lt;backupDirectory&gt;/backup.info</c>.</summary>
    public static RecoverySource Read(string backupDirectory)
    {
        var path = Path.Combine(backupDirectory, "backup.info");
        var text = File.ReadAllText(path);
        var keys = ParseKeys(text);
        string Need(string key) => keys.GetValueOrDefault(key) is { } v && v != "None"
            ? v : throw new RecoveryException($"{path}: missing value for '{key}'");
        string? Opt(string key) => keys.GetValueOrDefault(key) is { } v && v != "None" ? v : null;
        DateTimeOffset Time(string key) => DateTimeOffset.TryParse(Need(key), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t : throw new RecoveryException($"{path}: invalid value for '{key}': '{keys[key]}'");
        long Number(string key) => long.TryParse(Need(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : throw new RecoveryException($"{path}: invalid value for '{key}': '{keys[key]}'");
        return new RecoverySource(
            BackupId: Path.GetFileName(Path.TrimEndingDirectorySeparator(backupDirectory)),
            ServerName: Need("server_name"),
            BackupDirectory: backupDirectory,
            DataDirectory: Path.Combine(backupDirectory, "data"),
            BeginWal: Need("begin_wal"),
            EndWal: Need("end_wal"),
            BeginTime: Time("begin_time"),
            EndTime: Time("end_time"),
            Timeline: (uint)Number("timeline"),
            PgVersion: (int)Number("version"),
            XlogSegmentSize: Opt("xlog_segment_size") is null ? 16L * 1024 * 1024 : Number("xlog_segment_size"),
            Pgdata: Opt("pgdata"),
            ConfigFile: Opt("config_file"),
            HbaFile: Opt("hba_file"),
            IdentFile: Opt("ident_file"),
            Tablespaces: ParseTablespaces(Opt("tablespaces")),
            BackupInfoText: text);
    }

    private static Dictionary<string, string> ParseKeys(string text)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                keys[line[..eq]] = line[(eq + 1)..];
            }
        }
        return keys;
    }

    /// <summary>barman writes <c>[Tablespace(name='t', oid=16390, location='/x')]</c> (a Python repr).</summary>
    private static ImmutableArray<TablespaceSource> ParseTablespaces(string? repr) =>
        repr is null ? [] : [.. TablespacePattern().Matches(repr).Select(m => new TablespaceSource(
            m.Groups["name"].Value, uint.Parse(m.Groups["oid"].Value, CultureInfo.InvariantCulture), m.Groups["location"].Value))];

    [GeneratedRegex(@"name='(?<name>[^']*)',\s*oid=(?<oid>\d+),\s*location='(?<location>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex TablespacePattern();
}
