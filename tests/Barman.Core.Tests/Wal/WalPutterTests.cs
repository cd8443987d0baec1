// put-wal: a tar of WAL files plus MD5SUMS lands in incoming/ only when every checksum matches.
using System.Security.Cryptography;
using System.Text;
using Barman.Core.Errors;
using Barman.Core.Wal;
using ICSharpCode.SharpZipLib.Tar;

namespace Barman.Core.Tests.Wal;

public sealed class WalPutterTests
{
    [Fact]
    public void A_verified_tar_is_stored_in_incoming()
    {
        // Arrange
        using var home = new TempBarman();
        var wal = Encoding.ASCII.GetBytes(new string('w', 5000));
        var tar = Tar(("000000010000000000000021", wal), ("MD5SUMS", Encoding.ASCII.GetBytes($"{Md5(wal)} *000000010000000000000021\n")));

        // Act
        WalPutter.Run(home.Server, tar, test: false, new RecordingOutput());

        // Assert
        Assert.Equal(wal, File.ReadAllBytes(Path.Combine(home.Server.IncomingWalsDirectory, "000000010000000000000021")));
        Assert.Single(Directory.GetFiles(home.Server.IncomingWalsDirectory));
    }

    [Fact]
    public void A_checksum_mismatch_stores_nothing()
    {
        using var home = new TempBarman();
        var wal = Encoding.ASCII.GetBytes("payload");
        var tar = Tar(("000000010000000000000021", wal), ("MD5SUMS", Encoding.ASCII.GetBytes($"{Md5([1, 2])} *000000010000000000000021\n")));

        var e = Assert.Throws<WalFileException>(() => WalPutter.Run(home.Server, tar, test: false, new RecordingOutput()));

        Assert.StartsWith("Bad file checksum for '000000010000000000000021'", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(home.Server.IncomingWalsDirectory));
    }

    private static string Md5(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    private static MemoryStream Tar(params (string Name, byte[] Data)[] files)
    {
        var ms = new MemoryStream();
        using (var tar = new TarOutputStream(ms, Encoding.UTF8) { IsStreamOwner = false })
        {
            foreach (var (name, data) in files)
            {
                var entry = TarEntry.CreateTarEntry(name);
                entry.Size = data.Length;
                tar.PutNextEntry(entry);
                tar.Write(data, 0, data.Length);
                tar.CloseEntry();
            }
        }
        ms.Position = 0;
        return ms;
    }
}
