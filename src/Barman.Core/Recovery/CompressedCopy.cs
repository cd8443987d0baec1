// The base-backup copy of a compressed backup (backup_compression): unpack base.tar.* and <oid>.tar.* into place.
using Barman.Core.Errors;

namespace Barman.Core.Recovery;

/// <summary>
/// barman 3.4 copies the tarballs into <c>recovery_staging_path/barman-staging-SERVER-ID</c> (mode 0700) on the
/// recovery host and untars them from there. Locally the backup's own tarballs are read in place (a staging copy
/// would only double the I/O); the staging directory is still created, checked and removed as barman does, so a
/// bad recovery_staging_path fails the same way.
/// </summary>
internal static class CompressedCopy
{
    public static string StagingDirectory(RecoverySource source, string stagingPath) =>
        Path.Combine(stagingPath, $"barman-staging-{source.ServerName}-{source.BackupId}");

    public static void CreateStaging(string staging)
    {
        Directory.CreateDirectory(staging);
        FileModes.Set(staging, FileModes.Mode0700);
    }

    /// <summary>Tablespaces first (to their locations), then base.tar without recovery.conf and tablespace_map.</summary>
    public static void ExtractLocal(RecoverySource source, string dest, TablespacePlan tablespaces, Action<long>? onBytes, CancellationToken ct)
    {
        var compression = source.Compression!;
        foreach (var (tablespace, location) in tablespaces.Targets)
        {
            TarExtract.Extract(Need(source.CompressedArchive(RecoverySource.OidText(tablespace))), compression, location, _ => true, onBytes, ct);
        }
        // base.tar has no entry for its root: PostgreSQL wants 0700 (barman creates the destination so).
        Directory.CreateDirectory(dest);
        FileModes.Set(dest, FileModes.Mode0700);
        var links = tablespaces.LinkNames;
        TarExtract.Extract(Need(source.CompressedArchive("base")), compression, dest,
            name => name is not ("recovery.conf" or "tablespace_map") && !links.Contains(name), onBytes, ct);
        tablespaces.LinkAll(dest);
        var manifest = Path.Combine(source.DataDirectory, "backup_manifest");
        if (File.Exists(manifest))
        {
            File.Copy(manifest, Path.Combine(dest, "backup_manifest"), overwrite: true);
        }
    }

    /// <summary>postgresql.conf and postgresql.auto.conf out of base.tar, for a remote recovery's local analysis.</summary>
    public static void ExtractConfigFiles(RecoverySource source, string staging, CancellationToken ct) =>
        TarExtract.Extract(Need(source.CompressedArchive("base")), source.Compression!, staging,
            name => name is "postgresql.conf" or "postgresql.auto.conf", null, ct);

    private static string Need(string archive) =>
        File.Exists(archive) ? archive : throw new RecoveryException($"Compressed backup file {archive} is missing");
}
