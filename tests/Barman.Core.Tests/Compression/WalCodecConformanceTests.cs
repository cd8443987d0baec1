// One conformance suite every WAL codec must pass: round trip, empty input, a real segment, system-tool interop.
using System.IO.Compression;
using Barman.Core.Compression;

namespace Barman.Core.Tests.Compression;

public abstract class WalCodecConformanceTests
{
    private static readonly Lazy<byte[]> RealSegment = new(() =>
    {
        // A real PostgreSQL 15 segment (the first one initdb writes), stored gzip'ed; read through the BCL, not the codec under test.
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Compression", "TestData", "000000010000000000000001.gz"));
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    });

    protected abstract IWalCodec Codec { get; }

    /// <summary>The system tool and arguments that decompress stdin to stdout (null: no tool).</summary>
    protected abstract string[]? DecompressTool { get; }

    /// <summary>The system tool and arguments that compress stdin to stdout (null: no tool).</summary>
    protected abstract string[]? CompressTool { get; }

    [Fact]
    public void Round_trip_returns_the_original_bytes()
    {
        // Arrange
        var data = new byte[300_000];
        new Random(42).NextBytes(data.AsSpan(0, 100_000));

        // Act
        var back = Decompress(Compress(data));

        // Assert
        Assert.Equal(data, back);
    }

    [Fact]
    public void Empty_input_round_trips_to_empty_output()
    {
        // Act
        var compressed = Compress([]);
        var back = Decompress(compressed);

        // Assert
        Assert.Empty(back);
        Assert.True(Codec.Name is null || compressed.Length > 0, "a compressed empty file still has a header");
    }

    [Fact]
    public void A_real_16_MiB_segment_round_trips_and_is_identified_by_its_magic()
    {
        // Arrange
        var segment = RealSegment.Value;

        // Act
        var compressed = Compress(segment);
        var back = Decompress(compressed);

        // Assert
        Assert.Equal(16 * 1024 * 1024, segment.Length);
        Assert.Equal(segment, back);
        Assert.Same(Codec.Name, WalCodecs.Identify(compressed).Name);
        if (Codec.Name is not null)
        {
            Assert.True(compressed.Length < segment.Length / 4, $"compressed to {compressed.Length} bytes");
        }
    }

    [Fact]
    public void The_system_tool_decompresses_what_the_codec_wrote()
    {
        if (DecompressTool is not { } tool)
        {
            return;
        }
        // Arrange
        var segment = RealSegment.Value;

        // Act
        var back = ExternalTool.Filter(tool, Compress(segment));

        // Assert
        Assert.Equal(segment, back);
    }

    [Fact]
    public void The_codec_decompresses_what_the_system_tool_wrote()
    {
        if (CompressTool is not { } tool)
        {
            return;
        }
        // Arrange
        var segment = RealSegment.Value;

        // Act
        var back = Decompress(ExternalTool.Filter(tool, segment));

        // Assert
        Assert.Equal(segment, back);
    }

    protected byte[] Compress(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var c = Codec.Compress(ms))
        {
            c.Write(data);
        }
        return ms.ToArray();
    }

    protected byte[] Decompress(byte[] data)
    {
        using var input = new MemoryStream(data);
        using var d = Codec.Decompress(input);
        using var output = new MemoryStream();
        d.CopyTo(output);
        return output.ToArray();
    }
}

public sealed class NoneCodecConformanceTests : WalCodecConformanceTests
{
    protected override IWalCodec Codec => WalCodecs.None;

    protected override string[]? DecompressTool => ["cat"];

    protected override string[]? CompressTool => ["cat"];
}

public sealed class GzipCodecConformanceTests : WalCodecConformanceTests
{
    protected override IWalCodec Codec => WalCodecs.ForName("gzip");

    protected override string[]? DecompressTool => ["gzip", "-d", "-c"];

    protected override string[]? CompressTool => ["gzip", "-c"];
}

public sealed class Bzip2CodecConformanceTests : WalCodecConformanceTests
{
    protected override IWalCodec Codec => WalCodecs.ForName("bzip2");

    protected override string[]? DecompressTool => ["bzip2", "-d", "-c"];

    protected override string[]? CompressTool => ["bzip2", "-c"];
}

public sealed class ZstdCodecConformanceTests : WalCodecConformanceTests
{
    protected override IWalCodec Codec => WalCodecs.ForName("zstd");

    protected override string[]? DecompressTool => ["zstd", "-d", "-c", "-q"];

    protected override string[]? CompressTool => ["zstd", "-c", "-q"];
}

public sealed class Lz4CodecConformanceTests : WalCodecConformanceTests
{
    protected override IWalCodec Codec => WalCodecs.ForName("lz4");

    protected override string[]? DecompressTool => ["lz4", "-d", "-c", "-q"];

    protected override string[]? CompressTool => ["lz4", "-c", "-q"];
}
