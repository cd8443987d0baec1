// Takes a base backup with the real pg_basebackup into base/<id>/data and writes a backup.info in barman's format.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Barman.Core.Formatting;
using Barman.Core.Wal;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Recovery;

/// <summary>
/// What barman's postgres backup method leaves on disk (layout/03 is the model). The catalog helper's BackupInfo
/// will replace this writer; until then it writes the keys recovery reads, in barman's sorted key=value form.
/// </summary>
internal static class TestBaseBackup
{
    public sealed record Result(string BackupId, string Directory, string BeginWal, string EndWal);

    /// <param name="cluster">The running source cluster.</param>
    /// <param name="baseDirectory">The server's base/ directory.</param>
    /// <param name="serverName">Written as server_name.</param>
    /// <param name="tablespaces">(name, oid, location) of the cluster's tablespaces: copied to base/&lt;id&gt;/&lt;oid&gt; as barman maps them.</param>
    /// <param name="compression">gzip, lz4 or zstd: a tar-format backup compressed by pg_basebackup (backup_compression).</param>
    public static Result Take(PostgresCluster cluster, string baseDirectory, string serverName, IReadOnlyList<(string Name, uint Oid, string Location)>? tablespaces = null,
        string? compression = null)
    {
        tablespaces ??= [];
        var begin = DateTimeOffset.UtcNow;
        var id = begin.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var dir = Path.Combine(baseDirectory, id);
        var data = Path.Combine(dir, "data");
        Directory.CreateDirectory(dir);
        TestProcess.Run(PostgresCluster.Bin("pg_basebackup"),
            ["-h", "127.0.0.1", "-p", cluster.Port.ToString(CultureInfo.InvariantCulture), "-U", "barman", "-D", data,
             "-X", "none", "-c", "fast", "--no-sync", "--no-slot",
             .. compression is null
                ? tablespaces.Select(t => $"--tablespace-mapping={t.Location}={Path.Combine(dir, t.Oid.ToString(CultureInfo.InvariantCulture))}")
                : ["-Ft", $"--compress=client-{compression}"]]);
        var end = DateTimeOffset.UtcNow;

        var label = compression is null ? File.ReadAllText(Path.Combine(data, "backup_label")) : LabelFromTar(data, compression);
        var startLine = label.Split('\n').First(l => l.StartsWith("START WAL LOCATION: ", StringComparison.Ordinal));
        var beginLsn = Lsn.Parse(startLine["START WAL LOCATION: ".Length..].Split(' ')[0]);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "backup_manifest")));
        var range = manifest.RootElement.GetProperty("WAL-Ranges")[0];
        var timeline = range.GetProperty("Timeline").GetUInt32();
        var endLsn = Lsn.Parse(range.GetProperty("End-LSN").GetString()!);
        var beginWal = beginLsn.Segment(timeline).Name;
        // Like pg_walfile_name: an end exactly on a segment boundary belongs to the previous segment.
        var endWal = new Lsn(endLsn.Value - 1).Segment(timeline).Name;
        var size = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var pgdata = cluster.DataDir;
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["backup_label"] = PythonRepr(label),
            ["begin_offset"] = beginLsn.SegmentOffset().ToString(CultureInfo.InvariantCulture),
            ["begin_time"] = HumanFormat.IsoWithOffset(begin),
            ["begin_wal"] = beginWal,
            ["begin_xlog"] = beginLsn.ToString(),
            ["compression"] = compression ?? "None",
            ["config_file"] = Path.Combine(pgdata, "postgresql.conf"),
            ["copy_stats"] = "{'copy_time': 1.0, 'total_time': 1.0}",
            ["deduplicated_size"] = size.ToString(CultureInfo.InvariantCulture),
            ["end_offset"] = endLsn.SegmentOffset().ToString(CultureInfo.InvariantCulture),
            ["end_time"] = HumanFormat.IsoWithOffset(end),
            ["end_wal"] = endWal,
            ["end_xlog"] = endLsn.ToString(),
            ["error"] = "None",
            ["hba_file"] = Path.Combine(pgdata, "pg_hba.conf"),
            ["ident_file"] = Path.Combine(pgdata, "pg_ident.conf"),
            ["included_files"] = "None",
            ["mode"] = "postgres",
            ["pgdata"] = pgdata,
            ["server_name"] = serverName,
            ["size"] = size.ToString(CultureInfo.InvariantCulture),
            ["status"] = "DONE",
            ["systemid"] = cluster.Psql("SELECT system_identifier FROM pg_control_system()"),
            ["tablespaces"] = tablespaces.Count == 0 ? "None"
                : "[" + string.Join(", ", tablespaces.Select(t => $"('{t.Name}', {t.Oid}, '{t.Location}')")) + "]",
            ["timeline"] = timeline.ToString(CultureInfo.InvariantCulture),
            ["version"] = cluster.Psql("SHOW server_version_num"),
            ["xlog_segment_size"] = "16777216",
        };
        var text = new StringBuilder();
        foreach (var (k, v) in keys)
        {
            text.Append(k).Append('=').Append(v).Append('\n');
        }
        File.WriteAllText(Path.Combine(dir, "backup.info"), text.ToString());
        return new Result(id, dir, beginWal, endWal);
    }

    private static string LabelFromTar(string data, string compression)
    {
        var scratch = Directory.CreateTempSubdirectory("label-").FullName;
        try
        {
            var archive = Path.Combine(data, "base." + Core.Recovery.RecoverySource.CompressedExtension(compression));
            Core.Recovery.TarExtract.Extract(archive, compression, scratch, n => n == "backup_label", null, CancellationToken.None);
            return File.ReadAllText(Path.Combine(scratch, "backup_label"));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string PythonRepr(string s) =>
        "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "'";
}
