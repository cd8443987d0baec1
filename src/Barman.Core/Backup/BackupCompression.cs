// backup_compression for backup_method = postgres: the pg_basebackup arguments, barman 3.4's refusals, and backup_label
// read back from the compressed base archive.
using System.Formats.Tar;
using System.Globalization;
using System.Text;
using Barman.Core.Compression;
using Barman.Core.Configuration;
using Barman.Core.Errors;

namespace Barman.Core.Backup;

/// <summary>backup_compression (gzip, lz4, zstd) with its format, level, location and workers, as configured.</summary>
public sealed record BackupCompression(string Type, string? Format, int? Level, string? Location, int? Workers)
{
    /// <summary>The server's settings, or null when backup_compression is not set.</summary>
    public static BackupCompression? From(ServerConfig server) =>
        server.Get("backup_compression") is { Length: > 0 } type
            ? new BackupCompression(type, server.Get("backup_compression_format"), Int(server.Get("backup_compression_level")),
                server.Get("backup_compression_location"), Int(server.Get("backup_compression_workers")))
            : null;

    /// <summary>True when pg_basebackup writes tar archives (barman then records compression in backup.info).</summary>
    public bool IsArchive => Format != "plain";

    /// <summary>The base archive's suffix: base.tar.gz, base.tar.lz4, base.tar.zst.</summary>
    public string Extension => Type switch
    {
        "gzip" => "tar.gz",
        "lz4" => "tar.lz4",
        _ => "tar.zst",
    };

    /// <summary>
    /// barman's validation (PgBaseBackupCompressionOption.validate): each problem as barman words it. barman disables
    /// the server with them; backup prints each as an ERROR and does nothing.
    /// </summary>
    public IReadOnlyList<string> Validate(int serverVersion, int pgBaseBackupMajor)
    {
        var issues = new List<string>();
        if (Location == "server")
        {
            if (pgBaseBackupMajor < 15)
            {
                issues.Add("backup_compression_location = server requires pg_basebackup 15 or greater");
            }
            if (serverVersion < 150000)
            {
                issues.Add("backup_compression_location = server requires PostgreSQL 15 or greater");
            }
        }
        if (Format == "plain" && Location != "server")
        {
            issues.Add($"backup_compression_format plain is not compatible with backup_compression_location {Location ?? "None"}");
        }
        if (Type != "gzip" && pgBaseBackupMajor < 15)
        {
            issues.Add($"backup_compression = {Type} requires pg_basebackup 15 or greater");
        }
        var maxLevel = Type switch { "gzip" => 9, "lz4" => 12, _ => 22 };
        if (Level is { } level && (level < 1 || level > maxLevel))
        {
            issues.Add($"backup_compression_level {level} unsupported by pg_basebackup compression {Type}");
        }
        if (Workers is { } workers && Type != "zstd")
        {
            issues.Add($"backup_compression_workers is not compatible with compression {Type}");
        }
        else if (Workers is < 0)
        {
            issues.Add($"backup_compression_workers should be a positive integer: '{Workers}' is invalid");
        }
        return issues;
    }

    /// <summary>
    /// <c>--format=tar|plain</c> then, for pg_basebackup 15+, <c>--compress=[location-]type[:level=N,workers=N]</c>;
    /// older clients get <c>--gzip</c> and <c>--compress=N</c>.
    /// </summary>
    public IEnumerable<string> Args(int pgBaseBackupMajor)
    {
        yield return "--format=" + (Format ?? "tar");
        if (pgBaseBackupMajor >= 15)
        {
            var detail = new List<string>();
            if (Level is { } level)
            {
                detail.Add("level=" + level.ToString(CultureInfo.InvariantCulture));
            }
            if (Workers is { } workers)
            {
                detail.Add("workers=" + workers.ToString(CultureInfo.InvariantCulture));
            }
            yield return "--compress=" + (Location is null ? string.Empty : Location + "-") + Type + (detail.Count == 0 ? string.Empty : ":" + string.Join(',', detail));
        }
        else
        {
            yield return "--" + Type;
            if (Level is > 0)
            {
                yield return "--compress=" + Level.Value.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>The text of backup_label inside <c>data/base.tar.*</c>.</summary>
    public string ReadBackupLabel(string dataDirectory)
    {
        var archive = Path.Combine(dataDirectory, "base." + Extension);
        if (!File.Exists(archive))
        {
            throw new BackupException($"Could not find backup_label in {archive}");
        }
        using var file = File.OpenRead(archive);
        using var plain = WalCodecs.ForName(Type).Decompress(file);
        using var tar = new TarReader(plain);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name is "backup_label" or "./backup_label" && entry.DataStream is { } data)
            {
                using var reader = new StreamReader(data, Encoding.UTF8);
                return reader.ReadToEnd();
            }
        }
        throw new BackupException($"Could not find backup_label in {archive}");
    }

    private static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
}
