// The identity codec: archived WAL stored as is (compression unset), "None" in xlog.db.
namespace Barman.Core.Compression;

/// <summary>No compression. Its streams are thin pass-throughs that never close the inner stream.</summary>
public sealed class NoneCodec : IWalCodec
{
    public string? Name => null;

    // Anything matches: it is the fallback when no magic is recognised.
    public bool Matches(ReadOnlySpan<byte> header) => true;

    public Stream Compress(Stream destination) => new NonClosingStream(destination);

    public Stream Decompress(Stream source) => new NonClosingStream(source);
}
