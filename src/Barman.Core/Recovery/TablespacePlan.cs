// Where each tablespace of the backup goes (original location or --tablespace NAME:LOCATION) and its copy.
using System.Globalization;
using Barman.Core.Errors;

namespace Barman.Core.Recovery;

/// <summary>The tablespaces of one recovery: their destinations and the pg_tblspc links that point at them.</summary>
public sealed class TablespacePlan
{
    private readonly RecoverySource _source;
    private readonly IReadOnlyList<(TablespaceSource Tablespace, string Location)> _targets;

    private TablespacePlan(RecoverySource source, IReadOnlyList<(TablespaceSource, string)> targets)
    {
        _source = source;
        _targets = targets;
    }

    public IReadOnlyList<(TablespaceSource Tablespace, string Location)> Targets => _targets;

    /// <summary>Parses the rules; a rule naming no tablespace of the backup is refused (a typo would copy over the original).</summary>
    public static TablespacePlan Build(RecoverySource source, IReadOnlyList<string> rules)
    {
        var relocations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var colon = rule.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == rule.Length - 1)
            {
                throw new RecoveryException($"Invalid tablespace relocation rule '{rule}' (the valid syntax for a relocation rule is NAME:LOCATION)");
            }
            relocations[rule[..colon]] = rule[(colon + 1)..];
        }
        foreach (var name in relocations.Keys.Where(n => source.Tablespaces.All(t => t.Name != n)))
        {
            throw new RecoveryException($"Tablespace '{name}' does not exist in backup {source.BackupId}");
        }
        return new TablespacePlan(source, [.. source.Tablespaces.Select(t => (t, Path.GetFullPath(relocations.GetValueOrDefault(t.Name, t.Location))))]);
    }

    /// <summary>The data-directory copy skips what PostgreSQL must not find in a restored copy, and the tablespace links.</summary>
    public bool ExcludeFromData(string relative) =>
        relative is "postmaster.pid" or "recovery.conf" or "tablespace_map"
        || IsContentOf(relative, "pg_wal") || IsContentOf(relative, "pg_xlog")
        || IsContentOf(relative, "pg_log") || IsContentOf(relative, "log")
        || _targets.Any(t => relative == "pg_tblspc/" + t.Tablespace.Oid.ToString(CultureInfo.InvariantCulture));

    /// <summary>Copies each tablespace to its location and links pg_tblspc/&lt;oid&gt; to it.</summary>
    public async Task CopyAsync(string dest, int jobs, DateTimeOffset? horizon, CancellationToken ct, Action<long>? onBytes = null)
    {
        foreach (var (tablespace, location) in _targets)
        {
            await TreeMirror.MirrorAsync(_source.TablespaceDirectory(tablespace), location, _ => false, jobs, horizon, ct, onBytes);
            Link(dest, tablespace, location);
        }
    }

    /// <summary>The pg_tblspc/&lt;oid&gt; links of a compressed backup, whose base.tar holds the original locations.</summary>
    public void LinkAll(string dest)
    {
        foreach (var (tablespace, location) in _targets)
        {
            Link(dest, tablespace, location);
        }
    }

    /// <summary>Relative names of the links <see cref="LinkAll"/> makes, to skip when unpacking base.tar.</summary>
    public IReadOnlySet<string> LinkNames => _targets.Select(t => "pg_tblspc/" + t.Tablespace.Oid.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);

    private static void Link(string dest, TablespaceSource tablespace, string location)
    {
        var link = Path.Combine(dest, "pg_tblspc", tablespace.Oid.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        if (File.Exists(link) || Directory.Exists(link) || new FileInfo(link).LinkTarget is not null)
        {
            File.Delete(link);
        }
        File.CreateSymbolicLink(link, location);
    }

    private static bool IsContentOf(string relative, string dir) => relative.StartsWith(dir + "/", StringComparison.Ordinal);
}
