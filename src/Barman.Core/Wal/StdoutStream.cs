// get-wal's standard output as a bare file descriptor: each Write is write(2) calls on fd 1, nothing buffered.
using System.Runtime.InteropServices;

namespace Barman.Core.Wal;

/// <summary>
/// Console.OpenStandardOutput() on Unix starts the console machinery (a terminal probe and a signal-handling
/// thread) on its first write; restore_command redirects stdout to a file, so get-wal writes to the descriptor.
/// </summary>
public sealed partial class StdoutStream : Stream
{
    private const int StdoutFd = 1;
    private const int EINTR = 4;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var n = SysWrite(StdoutFd, start + done, (nuint)(buffer.Length - done));
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == EINTR)
                    {
                        continue;
                    }
                    throw new IOException($"cannot write to standard output: {Marshal.GetPInvokeErrorMessage(errno)}");
                }
                done += (int)n;
            }
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint SysWrite(int fd, byte* buffer, nuint count);
}
