// bzip2 through SharpZipLib: the format of barman's `compression = bzip2` (bzip2 -c).
using ICSharpCode.SharpZipLib.BZip2;

namespace Barman.Core.Compression;

/// <summary>bzip2, block size 900k as the bzip2 tool's default.</summary>
public sealed class Bzip2Codec : IWalCodec
{
    public string? Name => "bzip2";

    public bool Matches(ReadOnlySpan<byte> header) => header.Length >= 3 && header[0] == (byte)'B' && header[1] == (byte)'Z' && header[2] == (byte)'h';

    public Stream Compress(Stream destination) => new BZip2OutputStream(destination, 9) { IsStreamOwner = false };

    public Stream Decompress(Stream source) => new BZip2InputStream(source) { IsStreamOwner = false };
}
