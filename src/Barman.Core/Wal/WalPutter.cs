// put-wal: receives WAL files as a tar stream (barman-wal-archive's format: files + MD5SUMS), verifies, stores in incoming/.
using System.Security.Cryptography;
using System.Text;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Output;
using Barman.Core.Storage;
using ICSharpCode.SharpZipLib.Tar;

namespace Barman.Core.Wal;

/// <summary>Stores the files of a tar in incoming/ only when every one matches its MD5SUMS line; nothing is half-written.</summary>
public static class WalPutter
{
    private const string ChecksumFile = "MD5SUMS";

    public static void Run(ServerConfig server, Stream tarStream, bool test, IOutput output)
    {
        var incoming = server.IncomingWalsDirectory;
        if (test)
        {
            output.Info($"Ready to accept WAL files for the server {server.Name}");
            return;
        }
        Directory.CreateDirectory(incoming);
        var received = new List<(string Name, string Temp, string Md5)>();
        string? sums = null;
        try
        {
            using (var tar = new TarInputStream(tarStream, Encoding.UTF8) { IsStreamOwner = false })
            {
                while (tar.GetNextEntry() is { } entry)
                {
                    if (entry.IsDirectory)
                    {
                        continue;
                    }
                    var name = Path.GetFileName(entry.Name);
                    if (name == ChecksumFile)
                    {
                        using var ms = new MemoryStream();
                        tar.CopyEntryContents(ms);
                        sums = Encoding.UTF8.GetString(ms.ToArray());
                        continue;
                    }
                    if (!WalSegmentName.TryParse(name, out _))
                    {
                        throw new WalFileException($"Invalid file name '{name}' in the put-wal stream (not a WAL file)");
                    }
                    var temp = Path.Combine(incoming, "." + name + ".put.tmp");
                    received.Add((name, temp, Store(tar, temp)));
                }
            }
            if (sums is null)
            {
                throw new WalFileException($"Checksum file {ChecksumFile} missing from the put-wal stream");
            }
            var expected = ParseSums(sums);
            foreach (var (name, _, md5) in received)
            {
                if (!expected.TryGetValue(name, out var want))
                {
                    throw new WalFileException($"Checksum of '{name}' missing from {ChecksumFile}");
                }
                if (!want.Equals(md5, StringComparison.OrdinalIgnoreCase))
                {
                    throw new WalFileException($"Bad file checksum for '{name}': expected {want}, received {md5}");
                }
            }
            foreach (var (name, temp, _) in received)
            {
                var dest = Path.Combine(incoming, name);
                if (File.Exists(dest))
                {
                    throw new WalFileException($"WAL file '{name}' is already in the incoming directory of server {server.Name}");
                }
                File.Move(temp, dest);
            }
            DurableFile.SyncDirectory(incoming);
        }
        finally
        {
            foreach (var (_, temp, _) in received)
            {
                WalArchiveStep.TryDelete(temp);
            }
        }
    }

    private static string Store(TarInputStream tar, string temp)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var buffer = new byte[1 << 16];
            int n;
            while ((n = tar.Read(buffer, 0, buffer.Length)) > 0)
            {
                md5.AppendData(buffer, 0, n);
                file.Write(buffer, 0, n);
            }
            file.Flush(flushToDisk: true);
        }
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    // md5sum's format: "<hex> *<name>" (binary) or "<hex>  <name>".
    private static Dictionary<string, string> ParseSums(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                result[line[(space + 1)..].TrimStart(' ', '*').TrimEnd('\r')] = line[..space];
            }
        }
        return result;
    }
}
