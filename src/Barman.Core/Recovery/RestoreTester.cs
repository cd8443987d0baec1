// restore-test (beyond barman): recover into a scratch directory, start PostgreSQL on it privately, query, clean up.
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Barman.Core.Errors;
using Barman.Core.Formatting;
using Barman.Core.Logging;
using Barman.Core.Processes;
using Barman.Core.Storage;

namespace Barman.Core.Recovery;

/// <param name="Target">Recovery target (none = end of the archive).</param>
/// <param name="Queries">SQL run after <c>SELECT 1</c>; each must succeed.</param>
/// <param name="Keep">Leave the copy (stopped) for inspection instead of removing it.</param>
/// <param name="WorkRoot">Where the scratch directory is created (outside barman_home).</param>
/// <param name="OsUser">The OS user PostgreSQL runs as; null = ourselves (PostgreSQL refuses root).</param>
/// <param name="Jobs">Files copied at the same time.</param>
/// <param name="PathPrefix">The server's path_prefix, searched first for pg_ctl and psql.</param>
public sealed record RestoreTestRequest(
    RecoveryTarget Target,
    IReadOnlyList<string> Queries,
    bool Keep,
    string WorkRoot,
    string? OsUser,
    int Jobs,
    string? PathPrefix);

/// <summary>How a restore test went; stored next to the backup in annotations/restore_test.</summary>
public sealed record RestoreTestResult(bool Ok, DateTimeOffset StartedAt, TimeSpan Copy, TimeSpan Replay, TimeSpan Total, string? Error, string Directory);

/// <summary>
/// The verified restore test: the recovered copy is started with no archiving, no TCP listener (a private Unix
/// socket directory only) and its own pg_hba.conf with no replication line, then queried and removed.
/// max_wal_senders and friends stay as backed up: a standby needs them at least as high as the primary's.
/// </summary>
public sealed class RestoreTester(Action<string> info, TimeProvider clock, IProcessRunner runner)
{
    private static Serilog.ILogger Log => BarmanLog.For("barman.restore_test"); // taken at each use: see BarmanLog.Defer

    public async Task<RestoreTestResult> RunAsync(RecoverySource source, IWalArchiveReader archive, RestoreTestRequest request, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var root = Path.Combine(request.WorkRoot, $"barman-restore-test-{source.BackupId}-{Guid.NewGuid().ToString("N")[..8]}");
        var data = Path.Combine(root, "data");
        // Unix socket paths are limited to ~107 bytes: the socket directory gets a short name of its own.
        var socket = Path.Combine(Path.GetTempPath(), "brt-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(socket);
        FileModes.Set(socket, FileModes.Mode0700);
        FileModes.Set(root, FileModes.Mode0700);
        var pgCtl = PgBinaries.Find("pg_ctl", request.PathPrefix, source.PgVersion / 10000) ?? throw new RecoveryException("pg_ctl not found");
        var psql = PgBinaries.Find("psql", request.PathPrefix, source.PgVersion / 10000) ?? throw new RecoveryException("psql not found");
        info($"Restore test of backup {source.BackupId} for server {source.ServerName} in {root}");
        var copy = TimeSpan.Zero;
        var replay = TimeSpan.Zero;
        var running = false;
        try
        {
            var executor = new RecoveryExecutor(line => Log.InfoLine(line), clock, TimeZoneInfo.Local);
            // A compressed backup's staging directory goes next to the copy (removed with it).
            // Tablespaces go inside the scratch copy too: at their original locations they would overwrite a live server's.
            var tablespaces = source.Tablespaces.Select(t => $"{t.Name}:{Path.Combine(root, "tablespaces", RecoverySource.OidText(t))}").ToList();
            await executor.RecoverAsync(source, archive, new RecoveryRequest(data, request.Target, false, null, tablespaces, request.Jobs, [], StagingPath: root), ct);
            File.WriteAllText(Path.Combine(root, "pg_hba.conf"), "local all all trust\n");
            copy = clock.GetUtcNow() - started;
            if (request.OsUser is { } user)
            {
                await CheckedAsync(new ProcessSpec("chown", ["-R", user, root, socket]), "chown", ct);
            }
            var replayStart = clock.GetUtcNow();
            var options = string.Join(' ',
                "-c listen_addresses=''", "-c port=5432", $"-c unix_socket_directories={socket}", "-c archive_mode=off",
                $"-c hba_file={Path.Combine(root, "pg_hba.conf")}");
            var log = Path.Combine(root, "postgresql.log");
            try
            {
                await CheckedAsync(As(request.OsUser, pgCtl, ["-D", data, "-l", log, "-o", options, "-w", "-t", "3600", "start"]), "pg_ctl start", ct);
            }
            catch (RecoveryException) when (File.Exists(log))
            {
                // The server's own words say why (missing WAL, bad settings): keep its last lines in the message.
                throw new RecoveryException("PostgreSQL did not start: " + string.Join(" | ", File.ReadLines(log).TakeLast(3)));
            }
            running = true;
            await WaitForEndOfRecoveryAsync(request.OsUser, psql, socket, ct);
            replay = clock.GetUtcNow() - replayStart;
            foreach (var sql in new[] { "SELECT 1" }.Concat(request.Queries))
            {
                var answer = await PsqlAsync(request.OsUser, psql, socket, sql, ct);
                info($"Query '{sql}': {answer.Trim().Replace('\n', ' ')}");
            }
            var total = clock.GetUtcNow() - started;
            info($"Restore test OK (copy: {HumanFormat.Duration(copy)}, WAL replay: {HumanFormat.Duration(replay)}, total: {HumanFormat.Duration(total)})");
            return new RestoreTestResult(true, started, copy, replay, total, null, root);
        }
        catch (BarmanException e)
        {
            return new RestoreTestResult(false, started, copy, replay, clock.GetUtcNow() - started, e.Message, root);
        }
        finally
        {
            if (running)
            {
                await runner.RunAsync(As(request.OsUser, pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]), ct: CancellationToken.None);
            }
            if (!request.Keep && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
            if (Directory.Exists(socket))
            {
                Directory.Delete(socket, recursive: true);
            }
        }
    }

    /// <summary>Stores the outcome as base/&lt;id&gt;/annotations/restore_test (see <see cref="RestoreTestAnnotation"/>).</summary>
    public static void Record(RecoverySource source, RestoreTestResult result) =>
        new RestoreTestAnnotation(result.Ok, result.StartedAt, result.Total.TotalSeconds, result.Copy.TotalSeconds, result.Replay.TotalSeconds, result.Error)
            .Write(source.BackupDirectory);

    /// <summary>Targeted recovery pauses (or promotes); recovery without a target ends before pg_ctl -w returns.</summary>
    private async Task WaitForEndOfRecoveryAsync(string? user, string psql, string socket, CancellationToken ct)
    {
        for (var i = 0; i < 36000; i++)
        {
            var state = (await PsqlAsync(user, psql, socket,
                "SELECT CASE WHEN pg_is_in_recovery() THEN pg_get_wal_replay_pause_state() ELSE 'done' END", ct)).Trim();
            if (state is "done" or "paused")
            {
                return;
            }
            await Task.Delay(100, ct);
        }
        throw new RecoveryException("WAL replay did not finish within an hour");
    }

    private async Task<string> PsqlAsync(string? user, string psql, string socket, string sql, CancellationToken ct)
    {
        var (result, stdout) = await runner.CaptureAsync(
            As(user, psql, ["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", socket, "-p", "5432", "-d", "postgres", "-c", sql]), ct);
        return result.ExitCode == 0 ? stdout : throw new RecoveryException($"Query '{sql}' failed: {result.StderrTail.Trim()}");
    }

    private async Task CheckedAsync(ProcessSpec spec, string what, CancellationToken ct)
    {
        var result = await runner.RunAsync(spec, ct: ct);
        if (result.ExitCode != 0)
        {
            throw new RecoveryException($"{what} failed (exit code {result.ExitCode}): {result.StderrTail.Trim()}");
        }
    }

    /// <summary>Runs as <paramref name="user"/> through runuser when one is given (we are root then).</summary>
    private static ProcessSpec As(string? user, string file, ImmutableArray<string> args) =>
        user is null ? new ProcessSpec(file, args) : new ProcessSpec("runuser", ["-u", user, "--", file, .. args]);
}
