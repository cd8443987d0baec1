// A write-only stream that gathers a whole WAL file and compresses it in one native call when disposed.
namespace Barman.Core.Compression;

/// <summary>
/// Buffers what is written (a WAL segment: 16 MiB by default, so memory stays a few segments per worker)
/// and writes <paramref name="compress"/>'s output to the destination on dispose.
/// </summary>
internal sealed class OneShotCompressStream(Stream destination, OneShotCompressStream.Compressor compress) : Stream
{
    private readonly MemoryStream _buffer = new(16 << 20);

    public delegate byte[] Compressor(ReadOnlySpan<byte> source, out int length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _buffer.Length;

    public override long Position { get => _buffer.Position; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _buffer.Write(buffer);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            var compressed = compress(_buffer.GetBuffer().AsSpan(0, (int)_buffer.Length), out var length);
            destination.Write(compressed, 0, length);
            _buffer.Dispose();
        }
        base.Dispose(disposing);
    }
}
