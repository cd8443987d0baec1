// get-wal: finds one WAL file in the archive (or, with -P, in incoming/streaming) and sends it, recompressed if asked.
using Barman.Core.Catalog;
using Barman.Core.Compression;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Output;

namespace Barman.Core.Wal;

/// <summary>What get-wal was asked: the file, where it goes, in which compression (null = plain).</summary>
public sealed record GetWalRequest(string WalName, string? OutputDirectory, string? OutputCompression, bool Partial, int? Peek, bool Test);

/// <summary>
/// PostgreSQL's restore_command during recovery calls this once per segment, so the path does no more
/// than stat the file, sniff its magic and stream it: no catalog read, no directory listing.
/// </summary>
public static class WalRetriever
{
    public static void Run(ServerConfig server, GetWalRequest request, IOutput output, Func<Stream> stdout)
    {
        if (request.Test)
        {
            output.Info($"Ready to retrieve WAL files from the server {server.Name}");
            return;
        }
        if (request.Peek is { } peek)
        {
            foreach (var name in PeekNames(server, request.WalName, peek))
            {
                output.Info(name);
            }
            return;
        }
        var source = Locate(server, request.WalName, request.Partial)
            ?? throw new WalFileException($"WAL file '{request.WalName}' not found in server '{server.Name}'");
        var target = request.OutputCompression is null ? WalCodecs.None : WalCodecs.ForName(request.OutputCompression);
        if (request.OutputDirectory is { } dir)
        {
            var path = Path.Combine(dir, request.WalName);
            output.Info($"Sending WAL '{request.WalName}' for server '{server.Name}' into '{path}' file");
            path += target.Name switch { "gzip" => ".gz", "bzip2" => ".bz2", _ => string.Empty };
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            Send(source, target, file);
        }
        else
        {
            using var stream = stdout();
            Send(source, target, stream);
        }
    }

    /// <summary>The archived path of a WAL file, or with <paramref name="partial"/> a copy still in incoming/streaming.</summary>
    public static string? Locate(ServerConfig server, string walName, bool partial)
    {
        if (!WalSegmentName.TryParse(walName, out var wal))
        {
            return null;
        }
        var archived = WalArchiveStep.DestinationFor(server.WalsDirectory, wal);
        if (File.Exists(archived))
        {
            return archived;
        }
        if (partial)
        {
            foreach (var dir in new[] { server.IncomingWalsDirectory, server.StreamingWalsDirectory })
            {
                foreach (var candidate in new[] { Path.Combine(dir, walName), Path.Combine(dir, walName + ".partial") })
                {
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }

    /// <summary>Streams <paramref name="path"/> into <paramref name="destination"/> in <paramref name="target"/> compression.</summary>
    public static void Send(string path, IWalCodec target, Stream destination)
    {
        // Unbuffered: the decoders read 1 MiB at a time, a FileStream buffer would only add a copy.
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        Span<byte> header = stackalloc byte[8];
        var n = RandomAccess.Read(input.SafeFileHandle, header, 0);
        var stored = WalCodecs.Identify(header[..n]);
        if (stored.Name == target.Name)
        {
            input.CopyTo(destination, 1 << 20);
            return;
        }
        using var plain = stored.Decompress(input);
        using var encoded = target.Compress(destination);
        plain.CopyTo(encoded, 1 << 20);
    }

    /// <summary>Up to <paramref name="count"/> archived segment names from <paramref name="walName"/> on (get-wal --peek).</summary>
    public static IReadOnlyList<string> PeekNames(ServerConfig server, string walName, int count)
    {
        if (count < 1)
        {
            throw new WalFileException($"Invalid peek value: '{count}'. It must be an integer >= 1");
        }
        if (!WalSegmentName.TryParse(walName, out var wal) || wal.Kind != WalFileKind.Segment)
        {
            return [walName];
        }
        return XlogDb.ReadAll(server)
            .Select(e => e.Name)
            .Where(n => WalSegmentName.TryParse(n, out var w) && w.Kind == WalFileKind.Segment && string.CompareOrdinal(n, walName) >= 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }
}
