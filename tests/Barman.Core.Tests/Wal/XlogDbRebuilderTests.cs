// rebuild-xlogdb regenerates exactly what archive-wal wrote, and get-wal serves the archive.
using Barman.Core.Catalog;
using Barman.Core.Wal;
using Microsoft.Extensions.Time.Testing;

namespace Barman.Core.Tests.Wal;

public sealed class XlogDbRebuilderTests
{
    [Fact]
    public async Task Rebuild_is_byte_identical_to_what_archive_wal_wrote()
    {
        // Arrange
        using var home = new TempBarman();
        var s = home.Server;
        home.Put(s.IncomingWalsDirectory, "000000010000000000000001", 1);
        home.Put(s.IncomingWalsDirectory, "000000010000000000000002", 2);
        File.WriteAllText(Path.Combine(s.IncomingWalsDirectory, "000000010000000000000002.00000028.backup"), "START WAL LOCATION: 0/2000028\n");
        File.WriteAllText(Path.Combine(s.IncomingWalsDirectory, "00000002.history"), "1\t0/3000000\tno recovery target specified\n");
        await new WalArchiver(s, new RecordingOutput(), new FakeTimeProvider()).RunAsync();
        var written = File.ReadAllText(XlogDb.PathFor(s));
        var output = new RecordingOutput();

        // Act
        var result = XlogDbRebuilder.Rebuild(s, output);

        // Assert
        Assert.Equal(written, File.ReadAllText(XlogDb.PathFor(s)));
        Assert.Equal(new XlogDbRebuildResult(1, 1, 2), result);
        Assert.Equal("Rebuilding xlogdb for server pg-main\nDone rebuilding xlogdb for server pg-main (history: 1, backup_labels: 1, wal_file: 2)\n", output.Text);
    }

    [Fact]
    public async Task Get_wal_sends_the_original_bytes_and_reports_as_transcript_61()
    {
        // Arrange
        using var home = new TempBarman(compression: "zstd");
        var s = home.Server;
        var bytes = File.ReadAllBytes(home.Put(s.IncomingWalsDirectory, "000000010000000000000012", 7));
        home.Put(s.IncomingWalsDirectory, "000000010000000000000013", 8);
        await new WalArchiver(s, new RecordingOutput(), new FakeTimeProvider()).RunAsync();
        var outDir = Path.Combine(home.Root, "out");
        Directory.CreateDirectory(outDir);
        var output = new RecordingOutput();

        // Act
        WalRetriever.Run(s, new GetWalRequest("000000010000000000000012", outDir, null, false, null, false), output, () => throw new InvalidOperationException());
        WalRetriever.Run(s, new GetWalRequest("000000010000000000000012", null, null, false, 3, false), output, () => throw new InvalidOperationException());
        WalRetriever.Run(s, new GetWalRequest("000000010000000000000012", null, null, false, null, true), output, () => throw new InvalidOperationException());
        var missing = Assert.Throws<Barman.Core.Errors.WalFileException>(() =>
            WalRetriever.Run(s, new GetWalRequest("0000000100000000000000FF", null, null, false, null, false), output, () => new MemoryStream()));

        // Assert
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(outDir, "000000010000000000000012")));
        Assert.Equal(
            $"Sending WAL '000000010000000000000012' for server 'pg-main' into '{outDir}/000000010000000000000012' file\n"
            + "000000010000000000000012\n000000010000000000000013\n"
            + "Ready to retrieve WAL files from the server pg-main\n",
            output.Text);
        Assert.Equal("WAL file '0000000100000000000000FF' not found in server 'pg-main'", missing.Message);
    }
}
