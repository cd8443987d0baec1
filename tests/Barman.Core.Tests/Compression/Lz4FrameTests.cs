// lz4 specifics: the frame we write (block checksums), every frame shape we must still read, damage is detected.
using Barman.Core.Compression;

namespace Barman.Core.Tests.Compression;

public sealed class Lz4FrameTests
{
    private static readonly IWalCodec Lz4 = WalCodecs.ForName("lz4");

    // 16 MiB that compress like WAL: runs of structured records with a little noise.
    private static readonly Lazy<byte[]> Segment = new(() =>
    {
        var data = new byte[16 << 20];
        var random = new Random(7);
        for (var i = 0; i < data.Length; i += 8192)
        {
            random.NextBytes(data.AsSpan(i, 512));
            data.AsSpan(i + 512, 2048).Fill((byte)(i >> 13));
        }
        return data;
    });

    [Fact]
    public void The_frame_carries_block_checksums_and_the_content_size_but_no_content_checksum()
    {
        // Act
        var frame = Compress(Segment.Value);

        // Assert: FLG = version 01, independent blocks, block checksum, content size, no content checksum; BD = 256 KiB
        Assert.Equal(new byte[] { 0x04, 0x22, 0x4D, 0x18 }, frame[..4]);
        Assert.Equal(0b0111_1000, frame[4]);
        Assert.Equal(0x50, frame[5]);
        Assert.Equal((ulong)Segment.Value.Length, BitConverter.ToUInt64(frame, 6));
    }

    [Theory]
    [InlineData("-B7")]                 // what we wrote before: 4 MiB blocks, content checksum
    [InlineData("-B4", "-BD")]          // pgBackRest's shape: 64 KiB linked blocks
    [InlineData("-B4", "-BX", "--no-frame-crc")]
    [InlineData("-B6", "-BX")]
    public void Every_frame_shape_the_lz4_tool_writes_decodes_through_both_read_paths(params string[] options)
    {
        // Arrange
        var frame = ExternalTool.Filter(["lz4", .. options, "-1", "--content-size", "-c", "-q"], Segment.Value);

        // Act
        var copied = Decompress(frame);
        var read = DecompressInSmallReads(frame);

        // Assert
        Assert.Equal(Segment.Value, copied);
        Assert.Equal(Segment.Value, read);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_damaged_byte_in_the_archive_is_an_error_not_wrong_wal(bool legacyFrame)
    {
        // Arrange: one flipped bit in the middle of the compressed bytes
        var frame = legacyFrame ? ExternalTool.Filter(["lz4", "-B7", "-1", "--content-size", "-c", "-q"], Segment.Value) : Compress(Segment.Value);
        frame[frame.Length / 2] ^= 0x10;

        // Act + Assert
        Assert.Throws<InvalidDataException>(() => Decompress(frame));
    }

    [Fact]
    public void A_truncated_archive_is_an_error()
    {
        // Arrange
        var frame = Compress(Segment.Value);

        // Act + Assert
        Assert.Throws<InvalidDataException>(() => Decompress(frame[..(frame.Length - 100)]));
    }

    [Fact]
    public void The_lz4_tool_reads_and_verifies_what_we_write()
    {
        // Act
        var back = ExternalTool.Filter(["lz4", "-d", "-c", "-q"], Compress(Segment.Value));

        // Assert
        Assert.Equal(Segment.Value, back);
    }

    [Fact]
    public void The_managed_fallback_writes_block_checksums_that_the_lz4_tool_verifies()
    {
        // Arrange
        using var ms = new MemoryStream();
        using (var c = Lz4Codec.CompressManaged(ms))
        {
            c.Write(Segment.Value);
        }
        var frame = ms.ToArray();

        // Act
        var back = ExternalTool.Filter(["lz4", "-d", "-c", "-q"], frame);

        // Assert: FLG has the block checksum bit and no content checksum bit
        Assert.Equal(0x10, frame[4] & 0x14);
        Assert.Equal(Segment.Value, back);
    }

    private static byte[] Compress(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var c = Lz4.Compress(ms))
        {
            c.Write(data);
        }
        return ms.ToArray();
    }

    private static byte[] Decompress(byte[] frame)
    {
        using var input = new MemoryStream(frame);
        using var d = Lz4.Decompress(input);
        using var output = new MemoryStream();
        d.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] DecompressInSmallReads(byte[] frame)
    {
        using var input = new MemoryStream(frame);
        using var d = Lz4.Decompress(input);
        using var output = new MemoryStream();
        var buffer = new byte[1000];
        int n;
        while ((n = d.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, n);
        }
        return output.ToArray();
    }
}
