// archive-wal without PostgreSQL: output lines as transcripts 08/56 show them, xlog.db lines, errors/, crash leftovers.
using System.IO.Compression;
using Barman.Core.Catalog;
using Barman.Core.Wal;
using Microsoft.Extensions.Time.Testing;

namespace Barman.Core.Tests.Wal;

public sealed class WalArchiverTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 23, 9, 16, TimeSpan.Zero));

    [Fact]
    public async Task Archives_streaming_then_incoming_and_prints_the_lines_of_transcript_08()
    {
        // Arrange: the same two segments streamed and delivered, a third only delivered, a .partial streaming
        using var home = new TempBarman();
        var s = home.Server;
        home.Put(s.StreamingWalsDirectory, "000000010000000000000001", 1);
        home.Put(s.StreamingWalsDirectory, "000000010000000000000002", 2);
        home.Put(s.StreamingWalsDirectory, "000000010000000000000003.partial", 3);
        home.Put(s.IncomingWalsDirectory, "000000010000000000000001", 1);
        home.Put(s.IncomingWalsDirectory, "000000010000000000000002", 2);
        home.Put(s.IncomingWalsDirectory, "000000010000000000000003", 3);
        var output = new RecordingOutput();

        // Act
        await new WalArchiver(s, output, Clock) { Jobs = 2 }.RunAsync();

        // Assert
        Assert.Equal(
            "Processing xlog segments from streaming for pg-main\n\t000000010000000000000001\n\t000000010000000000000002\n"
            + "Processing xlog segments from file archival for pg-main\n\t000000010000000000000001\n\t000000010000000000000002\n\t000000010000000000000003\n",
            output.Text);
        var names = XlogDb.ReadAll(s).Select(e => e.Name).ToArray();
        Assert.Equal(["000000010000000000000001", "000000010000000000000002", "000000010000000000000003"], names);
        Assert.Equal(["000000010000000000000003.partial"], Directory.GetFiles(s.StreamingWalsDirectory).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(s.IncomingWalsDirectory));
        Assert.Empty(Directory.GetFiles(s.ErrorsDirectory));
    }

    [Fact]
    public async Task An_empty_run_prints_no_file_found_for_each_source()
    {
        using var home = new TempBarman();
        var output = new RecordingOutput();

        await new WalArchiver(home.Server, output, Clock).RunAsync();

        Assert.Equal(
            "Processing xlog segments from streaming for pg-main\n\tno file found\nProcessing xlog segments from file archival for pg-main\n\tno file found\n",
            output.Text);
    }

    [Fact]
    public async Task xlog_db_line_has_the_size_on_disk_the_source_mtime_and_the_codec_and_the_gzip_header_the_mtime()
    {
        // Arrange
        using var home = new TempBarman();
        var src = home.Put(home.Server.IncomingWalsDirectory, "000000010000000000000007");
        var stamp = PosixFile.Stat(src);

        // Act
        await new WalArchiver(home.Server, new RecordingOutput(), Clock).RunAsync();

        // Assert
        var archived = Path.Combine(home.Server.WalsDirectory, "0000000100000000", "000000010000000000000007");
        var entry = Assert.Single(XlogDb.ReadAll(home.Server));
        Assert.Equal($"000000010000000000000007\t{new FileInfo(archived).Length}\t{Barman.Core.Formatting.PythonFloat.Repr(stamp.PythonMtime)}\tgzip\n", entry.Format());
        Assert.Equal(stamp.MtimeNsec, PosixFile.Stat(archived).MtimeNsec);
        var header = File.ReadAllBytes(archived).AsSpan(0, 10).ToArray();
        Assert.Equal((uint)stamp.MtimeSec, BitConverter.ToUInt32(header, 4));
        using var gz = new GZipStream(File.OpenRead(archived), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        Assert.Equal(1 << 20, ms.Length);
    }

    [Fact]
    public async Task A_different_duplicate_goes_to_errors_and_unknown_names_are_listed_as_in_transcript_56()
    {
        // Arrange
        using var home = new TempBarman();
        var s = home.Server;
        home.Put(s.IncomingWalsDirectory, "000000010000000000000012", 1);
        await new WalArchiver(s, new RecordingOutput(), Clock).RunAsync();
        home.Put(s.IncomingWalsDirectory, "000000010000000000000012", 99);
        File.WriteAllText(Path.Combine(s.IncomingWalsDirectory, "garbage.txt"), "junk\n");
        var output = new RecordingOutput();

        // Act
        await new WalArchiver(s, output, Clock).RunAsync();

        // Assert
        Assert.Equal(
            "Processing xlog segments from streaming for pg-main\n\tno file found\n"
            + "Processing xlog segments from file archival for pg-main\n\t000000010000000000000012\n"
            + "\tError: 000000010000000000000012 is already present in server pg-main. File moved to errors directory.\n"
            + "Some unknown objects have been found while processing xlog segments for pg-main. Objects moved to errors directory:\n\tgarbage.txt\n",
            output.Text);
        Assert.Equal(
            ["000000010000000000000012.20261124T230916Z.duplicate", "garbage.txt.20261124T230916Z.unknown"],
            Directory.GetFiles(s.ErrorsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Single(XlogDb.ReadAll(s));
    }

    [Fact]
    public async Task A_file_archived_by_a_run_that_died_before_its_xlog_db_line_is_recorded_once()
    {
        // Arrange: first run archives; then simulate the crash window: line lost, source still present
        using var home = new TempBarman();
        var s = home.Server;
        home.Put(s.IncomingWalsDirectory, "000000010000000000000005", 5);
        await new WalArchiver(s, new RecordingOutput(), Clock).RunAsync();
        var line = Assert.Single(XlogDb.ReadAll(s));
        File.WriteAllText(XlogDb.PathFor(s), string.Empty);
        home.Put(s.IncomingWalsDirectory, "000000010000000000000005", 5);
        File.SetLastWriteTimeUtc(Path.Combine(s.IncomingWalsDirectory, "000000010000000000000005"), DateTime.UnixEpoch.AddSeconds(line.Time));

        // Act
        await new WalArchiver(s, new RecordingOutput(), Clock).RunAsync();

        // Assert
        var again = Assert.Single(XlogDb.ReadAll(s));
        Assert.Equal(line.Name, again.Name);
        Assert.Equal(line.Size, again.Size);
        Assert.Empty(Directory.GetFiles(s.IncomingWalsDirectory));
        Assert.Empty(Directory.GetFiles(s.ErrorsDirectory));
    }

    [Fact]
    public async Task A_truncated_segment_is_left_in_place_and_not_recorded()
    {
        using var home = new TempBarman();
        var s = home.Server;
        home.Put(s.IncomingWalsDirectory, "000000010000000000000009", 1, size: 300_000);
        var output = new RecordingOutput();

        await new WalArchiver(s, output, Clock).RunAsync();

        Assert.Empty(XlogDb.ReadAll(s));
        Assert.Single(Directory.GetFiles(s.IncomingWalsDirectory));
        Assert.Contains("\tError: 000000010000000000000009 has a size of 300000 bytes, not a whole WAL segment: left in " + s.IncomingWalsDirectory, output.Lines);
    }

    [Fact]
    public async Task Many_files_compressed_in_parallel_are_recorded_in_wal_order()
    {
        using var home = new TempBarman(compression: "lz4");
        var s = home.Server;
        var names = Enumerable.Range(1, 40).Select(i => $"0000000100000000000000{i:X2}").ToArray();
        foreach (var (n, i) in names.Select((n, i) => (n, i)))
        {
            home.Put(s.IncomingWalsDirectory, n, i);
        }

        await new WalArchiver(s, new RecordingOutput(), Clock) { Jobs = 4 }.RunAsync();

        Assert.Equal(names, XlogDb.ReadAll(s).Select(e => e.Name));
        Assert.All(XlogDb.ReadAll(s), e => Assert.Equal("lz4", e.Compression));
    }

    [Fact]
    public async Task Uncompressed_archiving_keeps_the_bytes_and_writes_None()
    {
        using var home = new TempBarman(compression: "none");
        var src = home.Put(home.Server.IncomingWalsDirectory, "000000010000000000000001", 4);
        var bytes = File.ReadAllBytes(src);

        await new WalArchiver(home.Server, new RecordingOutput(), Clock).RunAsync();

        var entry = Assert.Single(XlogDb.ReadAll(home.Server));
        Assert.Null(entry.Compression);
        Assert.EndsWith("\tNone\n", entry.Format(), StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(home.Server.WalsDirectory, "0000000100000000", "000000010000000000000001")));
    }

    [Fact]
    public async Task Quiet_mode_prints_only_sections_with_files()
    {
        using var home = new TempBarman();
        home.Put(home.Server.StreamingWalsDirectory, "00000001000000000000000D");
        var output = new RecordingOutput();

        await new WalArchiver(home.Server, output, Clock) { Verbose = false }.ArchiveAsync();

        Assert.Equal("Processing xlog segments from streaming for pg-main\n\t00000001000000000000000D\n", output.Text);
    }
}
