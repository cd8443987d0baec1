// archive-wal: moves streaming/ and incoming/ WAL into wals/ (compressed in parallel) and xlog.db (in WAL order).
using Barman.Core.Catalog;
using Barman.Core.Compression;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Hooks;
using Barman.Core.Locking;
using Barman.Core.Logging;
using Barman.Core.Output;
using Barman.Core.Storage;

namespace Barman.Core.Wal;

/// <summary>
/// Archives what the server's WAL sources hold. A source file is removed only after its archived copy is
/// renamed into place, fsynced (file and directory) and its xlog.db line is fsynced, so a crash at any
/// point leaves either the source (archived again, or recognised as an identical duplicate) or the
/// complete archived file with its line.
/// </summary>
public sealed class WalArchiver(ServerConfig server, IOutput output, TimeProvider clock)
{
    private static Serilog.ILogger Log => BarmanLog.For("barman.wal_archiver"); // taken at each use: see BarmanLog.Defer

    /// <summary>Compression workers: parallel_jobs when set above 1, else one per core.</summary>
    public int Jobs { get; init; } = server.ParallelJobs > 1 ? server.ParallelJobs : Environment.ProcessorCount;

    /// <summary>False for the quiet archiving of switch-wal --archive and backup: sections without files print nothing.</summary>
    public bool Verbose { get; init; } = true;

    /// <summary>The pre/post archive scripts (run per WAL file, one file at a time, when any is configured).</summary>
    public HookScripts Hooks { get; init; } = HookScripts.For(server, clock);

    /// <summary>The archive-wal verb: takes the archive-wal lock, or says another run holds it.</summary>
    public async Task RunAsync(CancellationToken ct = default)
    {
        using var held = LockFile.TryAcquire(ServerLocks.ArchiveWal(server));
        if (held is null)
        {
            output.Info($"Another archive-wal process is already running on server {server.Name}. Skipping to the next server");
            return;
        }
        await ArchiveAsync(ct);
    }

    /// <summary>Archives every enabled source; the caller holds the archive-wal lock.</summary>
    /// <returns>The names archived (or found already archived) by this run.</returns>
    public async Task<IReadOnlyList<string>> ArchiveAsync(CancellationToken ct = default)
    {
        var codec = WalCodecs.ForName(server.Compression);
        var known = new HashSet<string>(XlogDb.ReadAll(server).Select(e => e.Name), StringComparer.Ordinal);
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var source in WalSource.For(server))
        {
            await ArchiveSourceAsync(source, codec, known, stamp, ct);
        }
        return _archived;
    }

    private readonly List<string> _archived = [];

    private async Task ArchiveSourceAsync(WalSource source, IWalCodec codec, HashSet<string> known, string stamp, CancellationToken ct)
    {
        var batch = source.Scan();
        if (Verbose || !batch.Files.IsEmpty || !batch.Unknown.IsEmpty)
        {
            output.Info($"Processing xlog segments from {source.Name} for {server.Name}");
        }
        if (batch.Files.IsEmpty)
        {
            if (Verbose)
            {
                output.Info("\tno file found");
            }
            Log.InfoLine($"No xlog segments found from {source.Name} for {server.Name}.");
        }
        else
        {
            Log.InfoLine(batch.Files.Length == batch.Found
                ? $"Found {batch.Found} xlog segments from {source.Name} for {server.Name}. Archive all segments in one run."
                : $"Found {batch.Found} xlog segments from {source.Name} for {server.Name}. Archive a batch of {batch.Files.Length} segments in this run.");
            var pipeline = new WalArchivePipeline(server, source, codec, Jobs);
            var index = 0;
            if (Hooks.AnyFor("archive"))
            {
                await ArchiveWithHooksAsync(source, pipeline, batch.Files, group => Commit(source, codec, known, stamp, group, batch.Files.Length, ref index), ct);
            }
            else
            {
                await pipeline.RunAsync(batch.Files, group => Commit(source, codec, known, stamp, group, batch.Files.Length, ref index), ct);
            }
            DurableFile.SyncDirectory(source.Directory);
        }
        if (!batch.Unknown.IsEmpty)
        {
            output.Info($"Some unknown objects have been found while processing xlog segments for {server.Name}. Objects moved to errors directory:");
            foreach (var name in batch.Unknown)
            {
                output.Info("\t" + name);
                MoveToErrors(Path.Combine(source.Directory, name), name, stamp, "unknown");
            }
        }
    }

    // Runs in WAL order on one thread: rename into place, fsync directories, append + fsync xlog.db, then drop sources.
    private void Commit(WalSource source, IWalCodec codec, HashSet<string> known, string stamp, IReadOnlyList<WalStep> group, int total, ref int index)
    {
        var entries = new List<XlogDbEntry>();
        var directories = new HashSet<string>(StringComparer.Ordinal) { server.WalsDirectory };
        foreach (var step in group)
        {
            if (step.Kind == WalStepKind.Prepared)
            {
                var size = new FileInfo(step.TempPath!).Length;
                File.Move(step.TempPath!, step.DestinationPath, overwrite: false);
                directories.Add(Path.GetDirectoryName(step.DestinationPath)!);
                entries.Add(new XlogDbEntry(step.Wal.Name, size, step.Source.PythonMtime, codec.Name));
                _committed[step.Wal.Name] = entries[^1];
            }
            else if (step.Kind == WalStepKind.Identical && !known.Contains(step.Wal.Name))
            {
                // Archived by a run that died before writing its line: record what is on disk.
                var onDisk = PosixFile.Stat(step.DestinationPath);
                entries.Add(new XlogDbEntry(step.Wal.Name, onDisk.Size, onDisk.PythonMtime, WalCodecs.Identify(step.DestinationPath).Name));
            }
        }
        foreach (var dir in directories)
        {
            DurableFile.SyncDirectory(dir);
        }
        if (entries.Count > 0)
        {
            using var xlogdb = XlogDb.OpenAppender(server);
            xlogdb.Append(entries);
        }
        foreach (var e in entries)
        {
            known.Add(e.Name);
        }
        foreach (var step in group)
        {
            index++;
            Report(source, step, stamp, total, index);
        }
    }

    private readonly Dictionary<string, XlogDbEntry> _committed = new(StringComparer.Ordinal);

    // As barman's archive_wal: pre scripts, the file, then post scripts, one WAL at a time. A stop request from the pre
    // retry script ends this source's run (the post scripts still run, with the abort as BARMAN_ERROR).
    private async Task ArchiveWithHooksAsync(WalSource source, WalArchivePipeline pipeline, IReadOnlyList<WalSegmentName> files,
        WalArchivePipeline.Committer commit, CancellationToken ct)
    {
        foreach (var wal in files)
        {
            var sourcePath = Path.Combine(source.Directory, wal.Name);
            var stamp = PosixFile.Stat(sourcePath);
            var before = new XlogDbEntry(wal.Name, stamp.Size, stamp.PythonMtime, WalCodecs.Identify(sourcePath).Name);
            var destination = WalArchiveStep.DestinationFor(server.WalsDirectory, wal);
            string? error = null;
            HookScriptAbortedException? aborted = null;
            try
            {
                await Hooks.RunPreAsync("archive", HookEnvironment.ForWal(before, sourcePath), ct);
                await pipeline.RunAsync([wal], commit, ct);
            }
            catch (HookScriptAbortedException e)
            {
                (error, aborted) = (e.Message, e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = e.Message;
                throw;
            }
            finally
            {
                var after = _committed.GetValueOrDefault(wal.Name) ?? before;
                await Hooks.RunPostAsync("archive", HookEnvironment.ForWal(after, destination, error), ct, HookEnvironment.ForWal(after, destination));
            }
            if (aborted is not null)
            {
                Log.WarningLine($"Archiving of {server.Name}/{wal.Name} aborted by pre_archive_retry_script.Reason: {aborted.Message}");
                return;
            }
        }
    }

    private void Report(WalSource source, WalStep step, string stamp, int total, int index)
    {
        switch (step.Kind)
        {
            case WalStepKind.Prepared or WalStepKind.Identical:
                Log.InfoLine($"Archiving segment {index} of {total} from {source.Name}: {server.Name}/{step.Wal.Name}");
                output.Info("\t" + step.Wal.Name);
                File.Delete(step.SourcePath);
                _archived.Add(step.Wal.Name);
                break;
            case WalStepKind.Different:
                output.Info("\t" + step.Wal.Name);
                output.Info($"\tError: {step.Wal.Name} is already present in server {server.Name}. File moved to errors directory.");
                Log.WarningLine($"Error: {step.Wal.Name} is already present in server {server.Name}. File moved to errors directory.");
                MoveToErrors(step.SourcePath, step.Wal.Name, stamp, "duplicate");
                break;
            default:
                var message = $"\tError: {step.Wal.Name} has a size of {step.Source.Size} bytes, not a whole WAL segment: left in {source.Directory}";
                output.Info(message);
                Log.WarningLine(message.Trim());
                break;
        }
    }

    private void MoveToErrors(string path, string name, string stamp, string reason)
    {
        Directory.CreateDirectory(server.ErrorsDirectory);
        var target = Path.Combine(server.ErrorsDirectory, $"{name}.{stamp}.{reason}");
        try
        {
            File.Move(path, target, overwrite: false);
            DurableFile.SyncDirectory(server.ErrorsDirectory);
        }
        catch (IOException e)
        {
            throw new WalFileException($"Cannot move '{path}' to '{target}': {e.Message}");
        }
    }
}
