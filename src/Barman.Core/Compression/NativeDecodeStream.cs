// A read-only stream decoding zstd or lz4 through the native library chunk by chunk: small, fixed memory.
using System.Runtime.InteropServices;

namespace Barman.Core.Compression;

/// <summary>
/// Pulls compressed bytes from the source into a pinned buffer and lets a native step decode them into a
/// pinned output buffer (get-wal runs once per segment: no whole-file buffers, no large allocations).
/// </summary>
internal sealed class NativeDecodeStream : Stream
{
    private readonly Stream _source;
    private readonly Decoder _decoder;
    private readonly Action _release;
    private readonly byte[] _in = new byte[1 << 17];
    private readonly byte[] _out = new byte[1 << 20];
    private GCHandle _inPin;
    private GCHandle _outPin;
    private int _inPos;
    private int _inLen;
    private int _outPos;
    private int _outLen;
    private bool _sourceDone;
    private bool _frameDone = true;

    public NativeDecodeStream(Stream source, Decoder decoder, Action release)
    {
        _source = source;
        _decoder = decoder;
        _release = release;
        _inPin = GCHandle.Alloc(_in, GCHandleType.Pinned);
        _outPin = GCHandle.Alloc(_out, GCHandleType.Pinned);
    }

    /// <summary>One native call: consumes up to srcSize, produces up to dstSize, both updated; returns true at a frame end.</summary>
    public delegate bool Decoder(nint dst, ref nuint dstSize, nint src, ref nuint srcSize);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_outPos == _outLen)
        {
            if (!Fill())
            {
                return 0;
            }
        }
        var n = Math.Min(buffer.Length, _outLen - _outPos);
        _out.AsSpan(_outPos, n).CopyTo(buffer);
        _outPos += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_inPin.IsAllocated)
        {
            _inPin.Free();
            _outPin.Free();
            _release();
        }
        base.Dispose(disposing);
    }

    // Decodes the next piece into _out; false at the clean end of the input.
    private bool Fill()
    {
        if (_inPos == _inLen && !_sourceDone)
        {
            _inLen = _source.Read(_in, 0, _in.Length);
            _inPos = 0;
            _sourceDone = _inLen == 0;
        }
        if (_inPos == _inLen && _sourceDone)
        {
            return _frameDone ? false : throw new InvalidDataException("compressed WAL file is truncated");
        }
        var dstSize = (nuint)_out.Length;
        var srcSize = (nuint)(_inLen - _inPos);
        _frameDone = _decoder(_outPin.AddrOfPinnedObject(), ref dstSize, _inPin.AddrOfPinnedObject() + _inPos, ref srcSize);
        _inPos += (int)srcSize;
        _outPos = 0;
        _outLen = (int)dstSize;
        return true;
    }
}
