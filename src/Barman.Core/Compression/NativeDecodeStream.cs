// A read-only stream decoding zstd or lz4 through the native library chunk by chunk: small, fixed memory.
using System.Runtime.InteropServices;

namespace Barman.Core.Compression;

/// <summary>
/// Pulls compressed bytes from the source into a native buffer and lets a native step decode them into a
/// native output buffer. get-wal runs once per segment, so the hot path is <see cref="CopyTo(Stream, int)"/>:
/// the decoder writes straight into the buffer that goes to write(2), with no managed copy in between.
/// </summary>
internal sealed unsafe class NativeDecodeStream : Stream
{
    private const int InputSize = 1 << 20;

    private readonly Stream _source;
    private readonly Decoder _decoder;
    private readonly Func<ReadOnlySpan<byte>, int> _outputSizeFor;
    private readonly Action _release;
    private readonly byte* _in;
    private byte* _out;
    private int _outSize;
    private int _inPos;
    private int _inLen;
    private int _outPos;
    private int _outLen;
    private bool _sourceDone;
    private bool _frameDone = true;
    private bool _disposed;

    /// <param name="outputSizeFor">The output buffer size for a stream starting with these bytes (a format can
    /// decode straight into the caller's buffer only when a whole block fits).</param>
    public NativeDecodeStream(Stream source, Decoder decoder, Func<ReadOnlySpan<byte>, int> outputSizeFor, Action release)
    {
        _source = source;
        _decoder = decoder;
        _outputSizeFor = outputSizeFor;
        _release = release;
        _in = (byte*)NativeMemory.Alloc(InputSize);
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
        new ReadOnlySpan<byte>(_out + _outPos, n).CopyTo(buffer);
        _outPos += n;
        return n;
    }

    /// <summary>Decodes everything left and hands each decoded chunk to <paramref name="destination"/> as it is.</summary>
    public override void CopyTo(Stream destination, int bufferSize)
    {
        while (true)
        {
            if (_outPos < _outLen)
            {
                destination.Write(new ReadOnlySpan<byte>(_out + _outPos, _outLen - _outPos));
                _outPos = _outLen;
            }
            if (!Fill())
            {
                return;
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            NativeMemory.Free(_in);
            NativeMemory.Free(_out);
            _release();
        }
        base.Dispose(disposing);
    }

    // Decodes the next piece into _out; false at the clean end of the input.
    private bool Fill()
    {
        if (_inPos == _inLen && !_sourceDone)
        {
            _inLen = _source.Read(new Span<byte>(_in, InputSize));
            _inPos = 0;
            _sourceDone = _inLen == 0;
        }
        if (_inPos == _inLen && _sourceDone)
        {
            return _frameDone ? false : throw new InvalidDataException("compressed WAL file is truncated");
        }
        if (_out is null)
        {
            _outSize = _outputSizeFor(new ReadOnlySpan<byte>(_in, _inLen));
            _out = (byte*)NativeMemory.Alloc((nuint)_outSize);
        }
        var dstSize = (nuint)_outSize;
        var srcSize = (nuint)(_inLen - _inPos);
        _frameDone = _decoder((nint)_out, ref dstSize, (nint)(_in + _inPos), ref srcSize);
        _inPos += (int)srcSize;
        _outPos = 0;
        _outLen = (int)dstSize;
        return true;
    }
}
