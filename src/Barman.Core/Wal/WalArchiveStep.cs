// The parallel half of archiving one WAL file: compress it into a fsynced temp file next to its destination,
// or decide that it duplicates what the archive already holds.
using Barman.Core.Compression;
using Barman.Core.Storage;

namespace Barman.Core.Wal;

/// <summary>What preparing one file found out; the committer acts on it in WAL order.</summary>
public enum WalStepKind
{
    /// <summary>Compressed into <see cref="WalStep.TempPath"/>, ready to be renamed into place.</summary>
    Prepared,

    /// <summary>Already archived with identical content (listed in xlog.db or not).</summary>
    Identical,

    /// <summary>Already archived with different content: goes to errors/ as .duplicate.</summary>
    Different,

    /// <summary>A segment whose size cannot be a whole segment: left where it is.</summary>
    WrongSize,
}

/// <summary>The outcome of preparing one file.</summary>
public sealed record WalStep(WalSegmentName Wal, string SourcePath, string DestinationPath, WalStepKind Kind, string? TempPath, FileStamp Source);

/// <summary>Compresses or links one source file towards its archive path; safe to run on several files at once.</summary>
public static class WalArchiveStep
{
    public static string DestinationFor(string walsDirectory, WalSegmentName wal) =>
        wal.HashDirectory.Length == 0
            ? Path.Combine(walsDirectory, wal.Name)
            : Path.Combine(walsDirectory, wal.HashDirectory, wal.Name);

    public static WalStep Prepare(WalSegmentName wal, string sourcePath, string walsDirectory, IWalCodec codec)
    {
        var stamp = PosixFile.Stat(sourcePath);
        var destination = DestinationFor(walsDirectory, wal);
        if (!WalContent.HasPlausibleSize(wal, stamp.Size))
        {
            return new WalStep(wal, sourcePath, destination, WalStepKind.WrongSize, null, stamp);
        }
        if (File.Exists(destination))
        {
            var kind = WalContent.SameContent(destination, sourcePath) ? WalStepKind.Identical : WalStepKind.Different;
            return new WalStep(wal, sourcePath, destination, kind, null, stamp);
        }
        var directory = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(directory);
        // A fixed temp name: a run killed half-way leaves at most one per WAL, overwritten by the next run.
        var temp = Path.Combine(directory, "." + wal.Name + ".tmp");
        try
        {
            WriteTemp(sourcePath, temp, codec, stamp);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        return new WalStep(wal, sourcePath, destination, WalStepKind.Prepared, temp, stamp);
    }

    private static void WriteTemp(string source, string temp, IWalCodec codec, FileStamp stamp)
    {
        File.Delete(temp);
        // Uncompressed: a hard link costs no copy; the source stays until its xlog.db line is durable.
        if (codec.Name is null && PosixFile.TryLink(source, temp))
        {
            DurableFile.SyncFile(temp);
            return;
        }
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            using (var compressor = codec.Compress(output))
            {
                input.CopyTo(compressor, 1 << 20);
            }
            if (codec.Name == "gzip" && output.Length >= 8)
            {
                StampGzipHeader(output, stamp.MtimeSec);
            }
            output.Flush(flushToDisk: true);
        }
        PosixFile.CopyStat(stamp, temp);
    }

    // gzip -c records the source's mtime in the header (barman's files carry it); the field is outside the CRC.
    private static void StampGzipHeader(FileStream output, long mtime)
    {
        Span<byte> le = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(le, (uint)mtime);
        output.Position = 4;
        output.Write(le);
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
