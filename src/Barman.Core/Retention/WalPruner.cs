// Removes archived WAL no longer needed after deleting the oldest backup: files under wals/ and their xlog.db lines.
// Owns its small xlog.db rewrite until the WAL helper's XlogDb writer lands; it holds the xlogdb lock as barman does.
using System.Text;
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Hooks;
using Barman.Core.Locking;
using Barman.Core.Output;
using Barman.Core.Storage;
using Barman.Core.Wal;

namespace Barman.Core.Retention;

/// <summary>barman's remove_wal_before_backup.</summary>
internal static class WalPruner
{
    /// <summary>
    /// Removes every WAL older than <paramref name="removeUntil"/>'s begin_wal (all WAL when null), except history files,
    /// WAL on <paramref name="protectedTimelines"/> and WAL inside <paramref name="protectedRanges"/> (inclusive, .backup
    /// files judged by their segment). Returns the removed names in xlog.db order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RemoveBeforeAsync(
        ServerConfig server, BackupInfo? removeUntil, IReadOnlySet<uint> protectedTimelines,
        IReadOnlyList<(string Begin, string End)> protectedRanges, IOutput output, TimeProvider clock, CancellationToken ct,
        HookScripts? hooks = null)
    {
        hooks ??= HookScripts.For(server, clock);
        var xlogDb = Path.Combine(server.WalsDirectory, "xlog.db");
        using var held = await LockFile.AcquireWaitingAsync(ServerLocks.XlogDb(server), TimeSpan.FromSeconds(60), clock, ct)
            ?? throw new LockFileBusyException($"Unable to lock the WAL catalog (xlog.db) of server {server.Name}");
        if (!File.Exists(xlogDb))
        {
            return [];
        }
        var kept = new StringBuilder();
        var removed = new List<string>();
        var lines = await File.ReadAllLinesAsync(xlogDb, ct);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }
            // A line we cannot read is kept: rebuild-xlogdb repairs it, deleting its WAL here could lose data.
            if (XlogDbEntry.TryParse(line) is not { } entry || !WalSegmentName.TryParse(entry.Name, out var name))
            {
                kept.Append(line).Append('\n');
                continue;
            }
            if (Keep(entry.Name, name, removeUntil, protectedTimelines, protectedRanges))
            {
                kept.Append(line).Append('\n');
                continue;
            }
            var file = name.HashDirectory.Length == 0
                ? Path.Combine(server.WalsDirectory, entry.Name)
                : Path.Combine(server.WalsDirectory, name.HashDirectory, entry.Name);
            // pre_wal_delete scripts; a stop request keeps this WAL and every later one (barman would leave xlog.db
            // listing the files it had already deleted: we record those deletions before giving up).
            try
            {
                await hooks.RunPreAsync("wal_delete", HookEnvironment.ForWal(entry, file), ct);
            }
            catch (HookScriptAbortedException)
            {
                foreach (var rest in lines.Skip(i).Where(l => l.Length > 0))
                {
                    kept.Append(rest).Append('\n');
                }
                await DurableFile.WriteAtomicAsync(xlogDb, Encoding.UTF8.GetBytes(kept.ToString()), ct: ct);
                throw;
            }
            var error = Delete(server, entry.Name, file, output);
            await hooks.RunPostAsync("wal_delete", HookEnvironment.ForWal(entry, file, error), ct);
            removed.Add(entry.Name);
        }
        if (removed.Count > 0)
        {
            await DurableFile.WriteAtomicAsync(xlogDb, Encoding.UTF8.GetBytes(kept.ToString()), ct: ct);
        }
        return removed;
    }

    // Deletes one archived WAL; the warning barman prints when it cannot (also handed to the post scripts), or null.
    private static string? Delete(ServerConfig server, string name, string file, IOutput output)
    {
        string? error = null;
        // As barman: a WAL file already gone is reported and its xlog.db line dropped all the same.
        if (!File.Exists(file))
        {
            error = $"Ignoring deletion of WAL file {name} for server {server.Name}: [Errno 2] No such file or directory: '{file}'";
        }
        else
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"Ignoring deletion of WAL file {name} for server {server.Name}: {e.Message}";
            }
        }
        if (error is not null)
        {
            output.Warning(error);
        }
        return error;
    }

    internal static bool Keep(string text, WalSegmentName name, BackupInfo? removeUntil, IReadOnlySet<uint> timelines, IReadOnlyList<(string Begin, string End)> ranges)
    {
        if (name.Kind == WalFileKind.History || timelines.Contains(name.Timeline))
        {
            return true;
        }
        var segment = name.Kind == WalFileKind.BackupLabel ? text[..24] : text;
        foreach (var (begin, end) in ranges)
        {
            if (string.CompareOrdinal(segment, begin) >= 0 && string.CompareOrdinal(segment, end) <= 0)
            {
                return true;
            }
        }
        return removeUntil?.BeginWal is { } keepFrom && string.CompareOrdinal(text, keepFrom) >= 0;
    }
}
