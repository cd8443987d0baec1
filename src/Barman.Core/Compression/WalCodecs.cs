// The codec registry: by configured name, by xlog.db name, or by sniffing a file's magic bytes.
using Barman.Core.Errors;

namespace Barman.Core.Compression;

/// <summary>Looks codecs up. Adding a codec = one line in <see cref="Known"/>.</summary>
public static class WalCodecs
{
    public static readonly IWalCodec None = new NoneCodec();

    private static readonly IWalCodec[] Known = [new GzipCodec(), new Bzip2Codec(), new ZstdCodec(), new Lz4Codec()];

    /// <summary>Every real (compressing) codec.</summary>
    public static IReadOnlyList<IWalCodec> All => Known;

    /// <summary>The codec for a <c>compression</c> value (null/"none" = no compression).</summary>
    public static IWalCodec ForName(string? name)
    {
        if (name is null || name.Equals("none", StringComparison.OrdinalIgnoreCase) || name == "None")
        {
            return None;
        }
        var wanted = name.ToLowerInvariant() switch
        {
            "pygzip" or "pigz" => "gzip",
            "pybzip2" => "bzip2",
            var n => n,
        };
        return Array.Find(Known, c => c.Name == wanted)
            ?? throw new WalFileException($"Unknown compression type '{name}'");
    }

    /// <summary>The codec whose magic starts <paramref name="header"/>, or <see cref="None"/>.</summary>
    public static IWalCodec Identify(ReadOnlySpan<byte> header)
    {
        foreach (var codec in Known)
        {
            if (codec.Matches(header))
            {
                return codec;
            }
        }
        return None;
    }

    /// <summary>Reads the first bytes of a file and identifies its codec.</summary>
    public static IWalCodec Identify(string path)
    {
        Span<byte> header = stackalloc byte[8];
        using var handle = File.OpenHandle(path);
        var n = RandomAccess.Read(handle, header, 0);
        return Identify(header[..n]);
    }
}
