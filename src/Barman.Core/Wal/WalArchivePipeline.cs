// Bounded, ordered parallelism: up to N files compress at once, results are committed strictly in WAL order.
using Barman.Core.Compression;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Logging;

namespace Barman.Core.Wal;

/// <summary>
/// Keeps at most 4 × jobs files in flight, at most jobs of them compressing (temp files on disk, at most one
/// segment in memory per compressing worker: memory stays bounded whatever the backlog), waits for their fsync
/// outside the CPU slots, and hands completed steps to the committer in order, in groups so that one xlog.db
/// fsync covers several files.
/// </summary>
internal sealed class WalArchivePipeline(ServerConfig server, WalSource source, IWalCodec codec, int jobs)
{
    private const int MaxGroup = 64;

    public delegate void Committer(IReadOnlyList<WalStep> group);

    public async Task RunAsync(IReadOnlyList<WalSegmentName> files, Committer commit, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(jobs);
        var window = new Queue<Task<WalStep>>();
        var next = 0;
        void Fill()
        {
            while (next < files.Count && window.Count < jobs * 4)
            {
                var wal = files[next++];
                window.Enqueue(Task.Run(async () =>
                {
                    WalStep step;
                    await gate.WaitAsync(ct);
                    try
                    {
                        step = WalArchiveStep.Prepare(wal, Path.Combine(source.Directory, wal.Name), server.WalsDirectory, codec);
                    }
                    finally
                    {
                        gate.Release();
                    }
                    try
                    {
                        WalArchiveStep.Sync(step);
                    }
                    catch
                    {
                        TryDeleteTemp(step);
                        throw;
                    }
                    return step;
                }, ct));
            }
        }

        var committed = 0;
        try
        {
            Fill();
            while (window.Count > 0)
            {
                var group = new List<WalStep> { await window.Dequeue() };
                while (window.Count > 0 && window.Peek().IsCompletedSuccessfully && group.Count < MaxGroup)
                {
                    group.Add(window.Dequeue().Result);
                }
                Fill();
                commit(group);
                committed += group.Count;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            BarmanLog.For("barman.wal_archiver").WarningLine($"Parallel archiving failed ({e.Message}); continuing one file at a time");
            await DrainAsync(window);
            // Parallel temp files can exhaust a nearly full disk together: go on one file at a time, in WAL order,
            // so every segment that still fits is archived before the error is reported.
            Sequential(files.Skip(committed), commit);
        }
        catch
        {
            await DrainAsync(window);
            throw;
        }
    }

    private void Sequential(IEnumerable<WalSegmentName> remaining, Committer commit)
    {
        foreach (var wal in remaining)
        {
            var path = Path.Combine(source.Directory, wal.Name);
            if (!File.Exists(path))
            {
                continue; // committed by the group that failed half-way
            }
            WalStep? step = null;
            try
            {
                step = WalArchiveStep.Prepare(wal, path, server.WalsDirectory, codec);
                WalArchiveStep.Sync(step);
                commit([step]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (step is not null)
                {
                    TryDeleteTemp(step);
                }
                throw new WalFileException($"Failed archiving WAL from {source.Directory} into {server.WalsDirectory}: {e.Message}");
            }
        }
    }

    private static void TryDeleteTemp(WalStep step)
    {
        if (step.TempPath is not null)
        {
            WalArchiveStep.TryDelete(step.TempPath);
        }
    }

    // Lets in-flight workers finish, then removes the temp files nobody will commit.
    private static async Task DrainAsync(Queue<Task<WalStep>> window)
    {
        foreach (var task in window)
        {
            try
            {
                var step = await task;
                if (step.TempPath is not null)
                {
                    WalArchiveStep.TryDelete(step.TempPath);
                }
            }
            catch (Exception)
            {
                // Already failing: the first error is the one reported.
            }
        }
    }
}
