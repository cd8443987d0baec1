// Unpacks one pg_basebackup tar archive (gzip, lz4 or zstd) into a directory: modes, mtimes and links as stored.
using System.Formats.Tar;
using System.IO.Compression;
using Barman.Core.Compression;
using Barman.Core.Errors;

namespace Barman.Core.Recovery;

/// <summary>What <c>tar -x</c> does for barman's compressed backups, without the tar, gzip, lz4 or zstd programs.</summary>
internal static class TarExtract
{
    /// <param name="archive">base.tar.gz, 16390.tar.lz4, ...</param>
    /// <param name="compression">gzip, lz4 or zstd.</param>
    /// <param name="destination">Created when missing; existing files are overwritten, others left alone (as tar does).</param>
    /// <param name="include">Relative member name ('/'-separated, no "./") → true to extract it.</param>
    /// <param name="onBytes">Progress: bytes of file data written.</param>
    public static void Extract(string archive, string compression, string destination, Func<string, bool> include, Action<long>? onBytes, CancellationToken ct)
    {
        using var file = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var decoded = Decoder(compression, file);
        using var reader = new TarReader(decoded);
        Directory.CreateDirectory(destination);
        var directories = new List<(string Path, TarEntry Entry)>();
        var buffer = new byte[1 << 20];
        while (reader.GetNextEntry() is { } entry)
        {
            ct.ThrowIfCancellationRequested();
            var name = MemberName(entry.Name, archive);
            if (name.Length == 0 || !include(name))
            {
                continue;
            }
            var path = Path.Combine(destination, name);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(path);
                    directories.Add((path, entry));
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    RemoveLink(path);
                    using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1))
                    {
                        if (entry.DataStream is { } data)
                        {
                            int n;
                            while ((n = data.Read(buffer)) > 0)
                            {
                                output.Write(buffer, 0, n);
                                onBytes?.Invoke(n);
                            }
                        }
                    }
                    FileModes.Set(path, entry.Mode);
                    File.SetLastWriteTimeUtc(path, entry.ModificationTime.UtcDateTime);
                    break;
                case TarEntryType.SymbolicLink:
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    if (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
                    {
                        File.Delete(path);
                    }
                    File.CreateSymbolicLink(path, entry.LinkName);
                    break;
                default:
                    throw new RecoveryException($"Unexpected member '{entry.Name}' ({entry.EntryType}) in {archive}");
            }
        }
        // Last, deepest first: creating children changes a directory's mtime.
        foreach (var (path, entry) in directories.OrderByDescending(d => d.Path.Length))
        {
            FileModes.Set(path, entry.Mode);
            Directory.SetLastWriteTimeUtc(path, entry.ModificationTime.UtcDateTime);
        }
    }

    /// <summary>Decompressing reader over a compressed archive (system libzstd/liblz4 when present).</summary>
    public static Stream Decoder(string compression, Stream source) => compression switch
    {
        "gzip" => new GZipStream(source, CompressionMode.Decompress, leaveOpen: true),
        "lz4" => new Lz4Codec().Decompress(source),
        "zstd" => new ZstdCodec().Decompress(source),
        _ => throw new RecoveryException($"Unexpected compression format: {compression}"),
    };

    /// <summary>"./pg_wal/archive_status/" → "pg_wal/archive_status"; a member escaping the destination is refused.</summary>
    internal static string MemberName(string raw, string archive)
    {
        var parts = raw.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        if (raw.StartsWith('/') || parts.Contains(".."))
        {
            throw new RecoveryException($"Refusing member '{raw}' of {archive}: it points outside the destination");
        }
        return string.Join('/', parts);
    }

    private static void RemoveLink(string path)
    {
        if (new FileInfo(path).LinkTarget is not null)
        {
            File.Delete(path);
        }
    }
}
