// verify-backup (the real pg_verifybackup on a backup's data/) and generate-manifest (a backup_manifest barman-style).
using System.Security.Cryptography;
using System.Text;
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Output;
using Barman.Core.Processes;
using Barman.Core.Storage;

namespace Barman.Core.Backup;

/// <summary>barman's verify_backup and generate_manifest.</summary>
public static class BackupVerifier
{
    /// <summary>
    /// Prints "Verifying backup '&lt;selector&gt;' on server ['&lt;srv&gt;']", runs <c>pg_verifybackup -n &lt;data&gt;</c> (found like
    /// pg_basebackup) and prints its first stdout line, or the error lines barman prints.
    /// </summary>
    public static async Task VerifyAsync(ServerConfig server, string selector, IOutput output, IProcessRunner runner, CancellationToken ct)
    {
        var backup = BackupCatalog.Load(server).Resolve(selector);
        output.Info($"Verifying backup '{selector}' on server ['{server.Name}']");
        output.Info("Calling pg_verifybackup");
        var exe = PgBinaries.Find("pg_verifybackup", server.PathPrefix, backup.Version / 10000);
        if (exe is null)
        {
            output.Error("pg_verifybackup not found");
            return;
        }
        var data = Path.Combine(server.BaseBackupsDirectory, backup.BackupId, "data");
        var (result, stdout) = await runner.CaptureAsync(new ProcessSpec(exe, ["-n", data]), ct);
        if (result.ExitCode != 0)
        {
            output.Error($"verify backup failure on directory '{data}'");
            output.Error(result.StderrTail.TrimEnd('\n'));
            return;
        }
        output.Info(stdout.Split('\n')[0].Trim());
    }

    /// <summary>Writes data/backup_manifest (SHA256 per file, Manifest-Checksum over the text) unless one exists.</summary>
    public static void GenerateManifest(ServerConfig server, string selector, IOutput output, TimeProvider clock)
    {
        var backup = BackupCatalog.Load(server).Resolve(selector);
        var data = Path.Combine(server.BaseBackupsDirectory, backup.BackupId, "data");
        var manifest = Path.Combine(data, "backup_manifest");
        if (File.Exists(manifest))
        {
            throw new BarmanException($"File {manifest} already exists.");
        }
        var sb = new StringBuilder("{\"PostgreSQL-Backup-Manifest-Version\": 1,\n\"Files\": [\n");
        var first = true;
        foreach (var file in Directory.EnumerateFiles(data, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var info = new FileInfo(file);
            var modified = TimeZoneInfo.ConvertTime(new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), clock.LocalTimeZone);
            // json.dumps(sort_keys=True) with Python's default ", " / ": " separators and ASCII escapes.
            var entry = $"{{\"Checksum\": {Json(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))))}, \"Checksum-Algorithm\": \"SHA256\", "
                + $"\"Last-Modified\": {Json(modified.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))}, "
                + $"\"Path\": {Json(Path.GetRelativePath(data, file))}, \"Size\": {info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}";
            sb.Append(first ? string.Empty : ",\n").Append(entry);
            first = false;
        }
        sb.Append("],\n");
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
        sb.Append("\"Manifest-Checksum\": \"").Append(checksum).Append("\"}\n");
        DurableFile.WriteAtomic(manifest, Encoding.UTF8.GetBytes(sb.ToString()));
        output.Info($"Backup manifest for backup '{selector}' successfully generated for server {server.Name}");
    }

    private static string Json(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or > '~' => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
