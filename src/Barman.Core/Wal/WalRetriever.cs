// get-wal: finds one WAL file in the archive (or, with -P, in incoming/streaming) and sends it, recompressed if asked.
using Barman.Core.Compression;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Logging;
using Barman.Core.Output;

namespace Barman.Core.Wal;

/// <summary>What get-wal was asked: the file, where it goes, in which compression (null = plain).</summary>
/// <param name="SshConnection">$SSH_CONNECTION when get-wal runs over ssh: barman names the client host in its messages.</param>
public sealed record GetWalRequest(string WalName, string? OutputDirectory, string? OutputCompression, bool Partial, int? Peek, bool Test, string? SshConnection = null);

/// <summary>
/// PostgreSQL's restore_command during recovery calls this once per segment, so the path does no more
/// than stat the file, sniff its magic and stream it: no catalog read, no directory listing.
/// </summary>
public static class WalRetriever
{
    private static Serilog.ILogger Log => BarmanLog.For("barman.server"); // taken at each use: see BarmanLog.Defer

    public static void Run(ServerConfig server, GetWalRequest request, IOutput output, Func<Stream> stdout)
    {
        if (request.Test)
        {
            output.Info($"Ready to retrieve WAL files from the server {server.Name}");
            return;
        }
        var name = request.WalName;
        var suffix = request.SshConnection is { Length: > 0 } ssh ? $" (SSH host: {ssh.Split(' ')[0]})" : string.Empty;
        if (!WalLookup.IsAnyWalName(name))
        {
            throw new BarmanException($"'{name}' is not a valid wal file name{suffix}", 3);
        }
        if (request.Peek is { } peek)
        {
            foreach (var found in WalLookup.Peek(server, name, peek))
            {
                output.Info(found);
            }
            return;
        }
        var target = request.OutputCompression is null ? WalCodecs.None : WalCodecs.ForName(request.OutputCompression);
        // As barman: the destination is opened (and created) before the archive is searched, under the plain name.
        string description;
        Stream destination;
        if (request.OutputDirectory is { } dir)
        {
            var path = Path.Combine(dir, name);
            description = $"into '{path}' file";
            destination = OpenDestination(path, suffix);
        }
        else
        {
            description = "to standard output";
            destination = stdout();
        }
        using (destination)
        {
            foreach (var candidate in WalLookup.PossiblePaths(server, name, request.Partial))
            {
                if (!File.Exists(candidate))
                {
                    continue;
                }
                var sending = $"Sending WAL '{Path.GetFileName(candidate)}' for server '{server.Name}' {description}{suffix}";
                // On stdout the message would taint the WAL stream: the log only.
                if (request.OutputDirectory is null)
                {
                    Log.InfoLine(sending);
                }
                else
                {
                    output.Info(sending);
                }
                try
                {
                    Send(candidate, target, destination);
                    return;
                }
                catch (FileNotFoundException) when (!File.Exists(candidate))
                {
                    // Taken by the archiver meanwhile: the next place has it.
                    Log.InfoLine($"Skipping vanished WAL file '{candidate}'{suffix}");
                }
            }
        }
        throw new WalFileException($"WAL file '{name}' not found in server '{server.Name}'{suffix}");
    }

    // Python's IOError text: "[Errno N] strerror: 'path'".
    private static FileStream OpenDestination(string path, string suffix)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e switch
            {
                _ when Directory.Exists(path) => "[Errno 21] Is a directory",
                FileNotFoundException or DirectoryNotFoundException => "[Errno 2] No such file or directory",
                UnauthorizedAccessException => "[Errno 13] Permission denied",
                _ => e.Message,
            };
            throw new BarmanException($"Unable to open '{path}' file{suffix}: {reason}: '{path}'", 3);
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
            if (!KernelSend.TrySend(input, destination))
            {
                input.CopyTo(destination, 1 << 20);
            }
            return;
        }
        using var plain = stored.Decompress(input);
        using var encoded = target.Compress(destination);
        plain.CopyTo(encoded, 1 << 20);
    }
}
