// Runs `barman recover` in-process into a fresh directory, then starts PostgreSQL on the copy and reads it back.
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Recovery;

/// <summary>The outcome of one recover command: exit code, both streams, and the destination.</summary>
internal sealed record RecoverRun(int ExitCode, string Stdout, string Stderr, string Destination)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.None);
}

internal static class RecoveredCopy
{
    /// <summary>Runs <c>barman -c CONFIG recover pg-main BACKUP DEST args...</c> in-process.</summary>
    public static RecoverRun Recover(PitrScenarioFixture f, string destination, params string[] options) =>
        Barman(f, ["recover", "pg-main", "latest", destination, .. options], destination);

    public static RecoverRun Barman(PitrScenarioFixture f, string[] args, string destination = "")
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Program.Run(["-c", f.Home.ConfigFile, .. args], stdout, stderr, TimeProvider.System);
        return new RecoverRun(code, stdout.ToString(), stderr.ToString(), destination);
    }

    /// <summary>A fresh destination path under the fixture's scratch directory.</summary>
    public static string NewDestination(PitrScenarioFixture f, string name) => Path.Combine(f.Scratch, name + "-" + Guid.NewGuid().ToString("N")[..6]);

    /// <summary>Starts PostgreSQL on the copy on a port of this suite's range.</summary>
    public static PostgresCluster Start(string destination, bool checkStart = true) =>
        PostgresCluster.StartOn(destination, port: LoopbackPorts.Next(), checkStart: checkStart);

    /// <summary>Polls until <paramref name="condition"/> holds (recovery runs after the server accepts connections).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 60)
    {
        for (var i = 0; i < seconds * 10; i++)
        {
            if (condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("timed out waiting until " + what);
    }

    /// <summary>"paused", "promoted" (out of recovery) or the replay state while recovery still runs.</summary>
    public static string RecoveryState(PostgresCluster c) =>
        c.Psql("SELECT CASE WHEN pg_is_in_recovery() THEN pg_get_wal_replay_pause_state() ELSE 'promoted' END", check: false);

    /// <summary>Waits for the end of targeted recovery: paused at the target, or promoted.</summary>
    public static Task WaitForTargetAsync(PostgresCluster c) =>
        WaitUntilAsync(() => RecoveryState(c) is "paused" or "promoted", "recovery reached its target");

    /// <summary>"1:100,2:100" style summary of pitr_test, or "absent" when the table does not exist.</summary>
    public static string Batches(PostgresCluster c) =>
        c.Psql("SELECT to_regclass('pitr_test') IS NULL") == "t"
            ? "absent"
            : c.Psql("SELECT coalesce(string_agg(batch || ':' || n, ',' ORDER BY batch), 'empty') FROM (SELECT batch, count(*) n FROM pitr_test GROUP BY batch) s");

    /// <summary>The timeline of the latest checkpoint (2 after a promotion).</summary>
    public static string Timeline(PostgresCluster c) => c.Psql("SELECT timeline_id FROM pg_control_checkpoint()");

    public static void Delete(string destination)
    {
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }
    }
}
