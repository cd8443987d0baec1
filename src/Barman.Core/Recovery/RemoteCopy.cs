// The remote half of recover: safety check, base backup and tablespaces by rsync over ssh, staging push.
using System.Globalization;
using Barman.Core.Errors;

namespace Barman.Core.Recovery;

/// <summary>Steps of a remote recovery that touch the remote host (see <see cref="RemoteShell"/>).</summary>
public static class RemoteCopy
{
    /// <summary>Refuses a destination where a live postmaster runs on the remote host.</summary>
    public static async Task CheckNotRunningAsync(RemoteShell remote, string dest, CancellationToken ct)
    {
        var pidFile = RemoteShell.Quote(dest + "/postmaster.pid");
        var (code, stdout, stderr) = await remote.RunAsync(
            $"if [ -f {pidFile} ]; then pid=$(head -n 1 {pidFile}); if [ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null; then echo \"running $pid\"; fi; fi; echo ok", ct);
        if (code != 0 || !stdout.Contains("ok", StringComparison.Ordinal))
        {
            throw new RecoveryException($"Cannot connect to the remote host with '{remote.Command}' (exit code {code}): {stderr.Trim()}");
        }
        if (stdout.Split('\n').FirstOrDefault(l => l.StartsWith("running ", StringComparison.Ordinal)) is { } running)
        {
            throw new RecoveryException(
                $"Refusing to recover into '{dest}': a PostgreSQL server is running there (postmaster.pid, PID {running["running ".Length..].Trim()}). Stop it first");
        }
    }

    /// <summary>The remote .barman-recover.info of a previous recovery, or null.</summary>
    public static async Task<string?> ReadPreviousRecoveryInfoAsync(RemoteShell remote, string dest, CancellationToken ct)
    {
        var (code, stdout, _) = await remote.RunAsync($"cat {RemoteShell.Quote(dest + "/.barman-recover.info")} 2>/dev/null", ct);
        return code == 0 && stdout.Length > 0 ? stdout : null;
    }

    /// <summary>rsync -a --delete of the data directory (barman's excludes) and of each tablespace, then the links.</summary>
    public static async Task CopyBaseBackupAsync(RemoteShell remote, RecoverySource source, string dest, TablespacePlan tablespaces, int? bwlimit, CancellationToken ct)
    {
        await remote.CheckedAsync($"mkdir -p {RemoteShell.Quote(dest)}", "creating the destination directory", ct);
        string[] excludes =
        [
            "/pg_log/*", "/log/*", "/pg_xlog/*", "/pg_wal/*", "/postmaster.pid", "/recovery.conf", "/tablespace_map",
            .. tablespaces.Targets.Select(t => "/pg_tblspc/" + t.Tablespace.Oid.ToString(CultureInfo.InvariantCulture)),
        ];
        await remote.RsyncAsync(source.DataDirectory, dest, delete: true, excludes, bwlimit, ct);
        foreach (var (tablespace, location) in tablespaces.Targets)
        {
            await remote.CheckedAsync($"mkdir -p {RemoteShell.Quote(location)}", $"creating tablespace location {location}", ct);
            await remote.RsyncAsync(source.TablespaceDirectory(tablespace), location, delete: true, [], bwlimit, ct);
            var link = dest + "/pg_tblspc/" + tablespace.Oid.ToString(CultureInfo.InvariantCulture);
            await remote.CheckedAsync(
                $"mkdir -p {RemoteShell.Quote(dest + "/pg_tblspc")} && rm -rf {RemoteShell.Quote(link)} && ln -s {RemoteShell.Quote(location)} {RemoteShell.Quote(link)}",
                $"linking tablespace {tablespace.Name}", ct);
        }
    }

    /// <summary>
    /// A compressed backup, as barman 3.4 does it: the tarballs are rsynced into the remote staging directory
    /// (mode 0700), untarred there with the remote tar (and lz4 or zstd), and the staging directory removed.
    /// </summary>
    public static async Task CopyCompressedBackupAsync(
        RemoteShell remote, RecoverySource source, string dest, string staging, TablespacePlan tablespaces, int? bwlimit, CancellationToken ct)
    {
        var tar = source.Compression switch
        {
            "gzip" => "tar -xzf",
            "lz4" => "tar --use-compress-program lz4 -xf",
            _ => "tar --use-compress-program zstd -xf",
        };
        await remote.CheckedAsync($"mkdir -p {RemoteShell.Quote(dest)} {RemoteShell.Quote(staging)} && chmod 700 {RemoteShell.Quote(dest)} {RemoteShell.Quote(staging)}",
            "creating the staging directory", ct);
        try
        {
            await remote.RsyncAsync(source.DataDirectory, staging, delete: false, ["/backup_manifest"], bwlimit, ct);
            foreach (var (tablespace, location) in tablespaces.Targets)
            {
                var archive = staging + "/" + Path.GetFileName(source.CompressedArchive(RecoverySource.OidText(tablespace)));
                await remote.CheckedAsync($"mkdir -p {RemoteShell.Quote(location)} && {tar} {RemoteShell.Quote(archive)} --directory {RemoteShell.Quote(location)}",
                    $"uncompressing tablespace {tablespace.Name}", ct);
            }
            var excludes = string.Join(' ', new[] { "recovery.conf", "tablespace_map" }.Concat(tablespaces.LinkNames).Select(e => "--exclude " + RemoteShell.Quote(e)));
            var baseArchive = staging + "/" + Path.GetFileName(source.CompressedArchive("base"));
            await remote.CheckedAsync($"{tar} {RemoteShell.Quote(baseArchive)} --directory {RemoteShell.Quote(dest)} {excludes}", "uncompressing the base tarball", ct);
            foreach (var (tablespace, location) in tablespaces.Targets)
            {
                var link = dest + "/pg_tblspc/" + RecoverySource.OidText(tablespace);
                await remote.CheckedAsync(
                    $"mkdir -p {RemoteShell.Quote(dest + "/pg_tblspc")} && rm -rf {RemoteShell.Quote(link)} && ln -s {RemoteShell.Quote(location)} {RemoteShell.Quote(link)}",
                    $"linking tablespace {tablespace.Name}", ct);
            }
        }
        finally
        {
            await remote.RunAsync($"rm -rf {RemoteShell.Quote(staging)}", CancellationToken.None);
        }
    }

    /// <summary>
    /// A local directory that mirrors the destination's root for the files recovery writes: the configuration files
    /// (identical to the ones just copied), so they can be analysed and rewritten locally.
    /// </summary>
    public static string CreateStaging(RecoverySource source)
    {
        var staging = Path.Combine(Path.GetTempPath(), "barman-recover-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(staging);
        if (source.Compression is not null)
        {
            // The configuration files are inside base.tar; backup_manifest goes with the push, then is renamed.
            CompressedCopy.ExtractConfigFiles(source, staging, CancellationToken.None);
            if (File.Exists(Path.Combine(source.DataDirectory, "backup_manifest")))
            {
                File.Copy(Path.Combine(source.DataDirectory, "backup_manifest"), Path.Combine(staging, "backup_manifest"));
            }
            FileModes.Set(staging, FileModes.Get(source.DataDirectory));
            return staging;
        }
        foreach (var name in new[] { "postgresql.conf", "postgresql.auto.conf" })
        {
            var from = Path.Combine(source.DataDirectory, name);
            if (File.Exists(from))
            {
                File.Copy(from, Path.Combine(staging, name));
                File.SetLastWriteTimeUtc(Path.Combine(staging, name), File.GetLastWriteTimeUtc(from));
            }
        }
        // rsync -a gives the destination root the staging root's mode and mtime: keep the backup's.
        FileModes.Set(staging, FileModes.Get(source.DataDirectory));
        return staging;
    }

    /// <summary>Pushes the staged files (no --delete) and renames backup_manifest on the remote host.</summary>
    public static async Task PushStagingAsync(RemoteShell remote, string staging, string dest, string backupId, int? bwlimit, CancellationToken ct)
    {
        await remote.RsyncAsync(staging, dest, delete: false, [], bwlimit, ct);
        var manifest = RemoteShell.Quote(dest + "/backup_manifest");
        await remote.CheckedAsync(
            $"if [ -f {manifest} ]; then mv -f {manifest} {RemoteShell.Quote(dest + "/backup_manifest." + backupId)}; fi",
            "renaming backup_manifest", ct);
    }
}
