// Stopping a RUNNING receive-wal (started detached, as cron starts it) on a real PostgreSQL 15: transcript 58.
using System.Globalization;
using System.Text.RegularExpressions;
using Barman.Cli;
using Barman.Core.Cron;
using Barman.Core.Locking;
using Barman.Core.Wal;
using Barman.IntegrationTests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Barman.IntegrationTests.Wal;

public sealed partial class ReceiveWalStopTests
{
    private static readonly string BarmanBinary = Path.Combine(AppContext.BaseDirectory, "barman");

    [Fact]
    public async Task Stop_interrupts_pg_receivewal_first_keeps_the_partial_unarchived_and_frees_the_lock()
    {
        // Arrange: slot present, receive-wal detached in its own session (cron's setsid -f), streaming into streaming/
        using var home = BarmanHome.Create("pg-main");
        await using var cluster = await PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: home.Incoming, Slots: ["barman"]));
        home.WriteConfig(cluster);
        var streaming = Path.Combine(home.ServerDir, "streaming");
        var lockPath = Path.Combine(home.HomeDir, ".pg-main-receive-wal.lock");
        var outFile = Path.Combine(home.Root, "receive-wal.out");
        var receiver = StartDetached(home, outFile, lockPath);
        var receivewal = 0;
        try
        {
            receivewal = WaitFor(() => ChildNamed(receiver, "pg_receivewal"), "pg_receivewal under receive-wal");
            cluster.Psql("CREATE TABLE batch AS SELECT g AS id, repeat('x', 200) AS pad FROM generate_series(1, 20000) g");
            var written = cluster.Psql("SELECT pg_current_wal_lsn()");
            var walFile = cluster.Psql($"SELECT pg_walfile_name('{written}')");
            var partial = Path.Combine(streaming, walFile + ".partial");
            WaitFor(() => File.Exists(partial) && ReceiverWroteUpTo(cluster, written) ? 1 : 0, "pg_receivewal to report " + written);

            // Act
            var stop = Barman(home, "receive-wal", "--stop", "pg-main");
            var receiverGone = WaitFor(() => IsGone(receiver) ? 1 : 0, "receive-wal to exit");
            var receivewalGone = IsGone(receivewal);
            var lockHeld = LockFile.IsHeld(lockPath);
            var archive = Barman(home, "archive-wal", "pg-main");
            var restart = StartDetached(home, Path.Combine(home.Root, "receive-wal-2.out"), lockPath);
            var stopAgain = Barman(home, "receive-wal", "--stop", "pg-main");
            var restartGone = WaitFor(() => IsGone(restart) ? 1 : 0, "the second receive-wal to exit");

            // Assert: transcript 58's --stop line, both processes gone, lock free
            Assert.Equal((0, $"Stopped process receive-wal({receiver})\n", string.Empty), stop);
            Assert.Equal(1, receiverGone);
            Assert.True(receivewalGone, $"pg_receivewal ({receivewal}) outlived receive-wal");
            Assert.False(lockHeld);

            // Assert: pg_receivewal was interrupted, not killed: it closed (fsync) the partial file, saying so, with every byte it reported
            var serverWal = File.ReadAllBytes(Path.Combine(cluster.DataDir, "pg_wal", walFile));
            var confirmedOffset = (int)(ParseLsn(written) % (16 << 20));
            var streamed = File.ReadAllBytes(partial);
            Assert.Equal(serverWal.AsSpan(0, confirmedOffset).ToArray(), streamed.AsSpan(0, confirmedOffset).ToArray());
            Assert.Contains($"pg-main: pg_receivewal: not renaming \"{walFile}.partial\", segment is not complete", File.ReadAllText(home.LogFile), StringComparison.Ordinal);

            // Assert: the foreground lines of transcript 58 (LSNs normalised), the last one being barman's SIGINT farewell
            var lines = Normalise(File.ReadAllText(outFile));
            Assert.StartsWith("Starting receive-wal for server pg-main\npg-main: pg_receivewal: starting log streaming at LSN (timeline 1)\n", lines, StringComparison.Ordinal);
            Assert.EndsWith("SIGINT received. Terminate gracefully.\n", lines, StringComparison.Ordinal);

            // Assert: archive-wal leaves the .partial alone, and a new receive-wal starts and is stoppable
            Assert.Equal(0, archive.Code);
            Assert.True(File.Exists(partial));
            Assert.False(File.Exists(Path.Combine(home.ServerDir, "wals", walFile[..16], walFile)), "the partial segment was archived");
            Assert.DoesNotContain(walFile, File.Exists(Path.Combine(home.ServerDir, "wals", "xlog.db")) ? File.ReadAllText(Path.Combine(home.ServerDir, "wals", "xlog.db")) : string.Empty, StringComparison.Ordinal);
            Assert.Equal((0, $"Stopped process receive-wal({restart})\n", string.Empty), stopAgain);
            Assert.Equal(1, restartGone);
        }
        finally
        {
            // Never leave a receiver streaming from a cluster that is about to go away.
            foreach (var pid in new[] { receiver, receivewal })
            {
                if (pid > 0 && !IsGone(pid))
                {
                    Signals.Send(pid, Signals.SigKill);
                }
            }
        }
    }

    private static (int Code, string Out, string Err) Barman(BarmanHome home, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["-c", home.ConfigFile, .. args], stdout, stderr, TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    }

    // cron's launch (BackgroundLauncher), with the output kept in a file instead of /dev/null, from a parent that ignores
    // SIGINT as background jobs of a script do (and CI runners often are); returns the PID in the lock.
    private static int StartDetached(BarmanHome home, string outFile, string lockPath)
    {
        TestProcess.Run("/bin/sh", ["-c", "trap '' INT; exec /bin/sh -c \"$LAUNCH\" \"$0\" \"$@\"", BarmanBinary, "-c", home.ConfigFile, "receive-wal", "pg-main"],
            env: new Dictionary<string, string> { ["OUT"] = outFile, ["LAUNCH"] = BarmanSubprocessLauncher.DetachScript(">\"$OUT\" 2>&1") });
        return WaitFor(() => LockFile.IsHeld(lockPath) && LockFile.ReadPid(lockPath) is { } pid ? pid : 0, "the receive-wal lock");
    }

    private static int WaitFor(Func<int> probe, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is not 0 and var value)
            {
                return value;
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException("timed out waiting for " + what);
    }

    // pg_receivewal reports its write position every 10 s (--status-interval); it fsyncs only when it closes the file.
    private static bool ReceiverWroteUpTo(PostgresCluster cluster, string lsn) =>
        cluster.Psql($"SELECT coalesce(max(write_lsn) >= '{lsn}', false) FROM pg_stat_replication") == "t";

    // A detached process is reparented: once it exits it may linger as a zombie nobody reaps, which counts as gone.
    private static bool IsGone(int pid)
    {
        var stat = Path.Combine("/proc", pid.ToString(CultureInfo.InvariantCulture), "stat");
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static int ChildNamed(int parent, string name) =>
        Signals.ChildrenOf(parent).FirstOrDefault(pid => CommandName(pid) == name);

    private static string? CommandName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long ParseLsn(string lsn)
    {
        var parts = lsn.Split('/');
        return (long.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture) << 32) | long.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private static string Normalise(string text) => LsnPattern().Replace(text, "LSN");

    [GeneratedRegex("[0-9A-F]+/[0-9A-F]+")]
    private static partial Regex LsnPattern();
}
