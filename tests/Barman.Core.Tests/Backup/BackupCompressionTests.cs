// Tests src/Barman.Core/Backup/BackupCompression.cs: the pg_basebackup arguments and refusals the real barman 3.4 gave.
using System.Formats.Tar;
using System.IO.Compression;
using Barman.Core.Backup;

namespace Barman.Core.Tests.Backup;

public sealed class BackupCompressionTests
{
    [Theory]
    // argv tails logged by barman 3.4 against PostgreSQL 15 with these settings
    [InlineData("lz4", "tar", 3, "server", null, "--format=tar", "--compress=server-lz4:level=3")]
    [InlineData("zstd", "tar", 5, "client", 2, "--format=tar", "--compress=client-zstd:level=5,workers=2")]
    [InlineData("zstd", "plain", null, "server", null, "--format=plain", "--compress=server-zstd")]
    [InlineData("gzip", null, 5, null, null, "--format=tar", "--compress=gzip:level=5")]
    public void Pg_basebackup_15_gets_format_and_compress_as_barman_passes_them(
        string type, string? format, int? level, string? location, int? workers, string expectedFormat, string expectedCompress)
    {
        // Arrange
        var compression = new BackupCompression(type, format, level, location, workers);

        // Act
        var args = compression.Args(15).ToArray();

        // Assert
        Assert.Equal([expectedFormat, expectedCompress], args);
    }

    [Fact]
    public void Invalid_combinations_are_refused_with_barmans_words()
    {
        // Arrange: the settings barman 3.4 refused with these two errors
        var compression = new BackupCompression("gzip", "plain", null, null, 2);

        // Act
        var issues = compression.Validate(150018, 15);

        // Assert
        Assert.Equal(
            [
                "backup_compression_format plain is not compatible with backup_compression_location None",
                "backup_compression_workers is not compatible with compression gzip",
            ],
            issues);
    }

    [Fact]
    public void Levels_out_of_range_and_server_location_on_old_versions_are_refused()
    {
        // Arrange
        var compression = new BackupCompression("lz4", "tar", 13, "server", null);

        // Act
        var issues = compression.Validate(140005, 14);

        // Assert
        Assert.Equal(
            [
                "backup_compression_location = server requires pg_basebackup 15 or greater",
                "backup_compression_location = server requires PostgreSQL 15 or greater",
                "backup_compression = lz4 requires pg_basebackup 15 or greater",
                "backup_compression_level 13 unsupported by pg_basebackup compression lz4",
            ],
            issues);
        Assert.Empty(new BackupCompression("zstd", "tar", 22, "client", 4).Validate(150000, 15));
    }

    [Fact]
    public void Backup_label_is_read_from_the_gzip_base_archive()
    {
        // Arrange
        var dir = Directory.CreateTempSubdirectory("backup-compression-");
        try
        {
            using (var file = File.Create(Path.Combine(dir.FullName, "base.tar.gz")))
            using (var gz = new GZipStream(file, CompressionLevel.Fastest))
            using (var tar = new TarWriter(gz))
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "PG_VERSION") { DataStream = new MemoryStream("15\n"u8.ToArray()) });
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "backup_label") { DataStream = new MemoryStream("START WAL LOCATION: 0/2000028\n"u8.ToArray()) });
            }

            // Act
            var label = new BackupCompression("gzip", null, null, null, null).ReadBackupLabel(dir.FullName);

            // Assert
            Assert.Equal("START WAL LOCATION: 0/2000028\n", label);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
