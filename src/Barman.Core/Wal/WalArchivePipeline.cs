// Bounded, ordered parallelism: up to N files compress at once, results are committed strictly in WAL order.
using Barman.Core.Compression;
using Barman.Core.Configuration;
using Barman.Core.Errors;

namespace Barman.Core.Wal;

/// <summary>
/// Keeps at most 2 × jobs files in flight (temp files on disk, a 1 MiB buffer each: memory stays bounded
/// whatever the backlog) and hands completed steps to the committer in order, in groups so that one
/// xlog.db fsync covers several files.
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
            while (next < files.Count && window.Count < jobs * 2)
            {
                var wal = files[next++];
                window.Enqueue(Task.Run(async () =>
                {
                    await gate.WaitAsync(ct);
                    try
                    {
                        return WalArchiveStep.Prepare(wal, Path.Combine(source.Directory, wal.Name), server.WalsDirectory, codec);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }, ct));
            }
        }

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
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await DrainAsync(window);
            throw new WalFileException($"Failed archiving WAL from {source.Directory} into {server.WalsDirectory}: {e.Message}");
        }
        catch
        {
            await DrainAsync(window);
            throw;
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
