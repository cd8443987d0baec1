// The pg_basebackup command line barman runs for backup_method = postgres (plain format, no WAL, no slot).
using System.Collections.Immutable;
using Barman.Core.Configuration;
using Barman.Core.Processes;
using Barman.Core.Wal;

namespace Barman.Core.Backup;

/// <summary>Builds the pg_basebackup process; a pure function so tests check the argv.</summary>
public static class PgBaseBackup
{
    /// <summary>
    /// <c>pg_basebackup --dbname=&lt;replication conninfo&gt; -v --no-password --pgdata=&lt;dest&gt; --no-slot --wal-method=none</c>
    /// plus one <c>--tablespace-mapping</c> per tablespace, <c>--max-rate</c> for bandwidth_limit and <c>--checkpoint=fast</c>.
    /// backup_compression adds <c>--format</c> and <c>--compress</c> last, as barman does.
    /// WAL reaches barman through the streaming archiver, as in barman.
    /// </summary>
    public static ProcessSpec BuildSpec(string executable, ServerConfig server, string destination, bool immediateCheckpoint,
        IReadOnlyList<(string Source, string Destination)> tablespaceMapping, int? bandwidthLimitKbps,
        BackupCompression? compression = null, int pgBaseBackupMajor = 15)
    {
        var args = ImmutableArray.CreateBuilder<string>();
        args.Add("--dbname=" + WalConninfo.ForReplication(server.StreamingConninfo ?? server.Conninfo ?? string.Empty, server.StreamingBackupName));
        args.Add("-v");
        args.Add("--no-password");
        args.Add("--pgdata=" + destination);
        args.Add("--no-slot");
        args.Add("--wal-method=none");
        foreach (var (source, target) in tablespaceMapping)
        {
            args.Add($"--tablespace-mapping={source}={target}");
        }
        if (bandwidthLimitKbps is > 0)
        {
            args.Add("--max-rate=" + bandwidthLimitKbps.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (immediateCheckpoint)
        {
            args.Add("--checkpoint=fast");
        }
        if (compression is not null)
        {
            args.AddRange(compression.Args(pgBaseBackupMajor));
        }
        return new ProcessSpec(executable, args.ToImmutable());
    }
}
