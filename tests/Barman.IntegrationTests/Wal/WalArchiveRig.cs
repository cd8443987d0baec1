// The WAL tests' rig: a PostgresCluster archiving into a barman home, a reference copy of its WAL, and the barman binary.
using System.Diagnostics;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Wal;

/// <summary>
/// A <see cref="PostgresCluster"/> whose archive_command delivers into incoming/ (temp file + mv) and keeps a reference
/// copy of every file in ref/, plus a barman.conf for server <c>pg</c>. Disposing stops receive-wal, then the server,
/// and removes everything.
/// </summary>
internal sealed class WalArchiveRig : IDisposable
{
    private readonly PostgresCluster _cluster;

    public WalArchiveRig(string compression = "gzip", bool streaming = true, string? barmanHome = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "barman-wal-it-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(RefDir);
        Directory.CreateDirectory(Incoming);
        Sh($"chmod 755 {Root} && chown -R postgres {RefDir} && chmod 777 {Incoming}");
        Home = barmanHome ?? Path.Combine(Root, "home");
        try
        {
            _cluster = PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: Incoming, ArchiveCopyDirectory: RefDir))
                .GetAwaiter().GetResult();
        }
        catch
        {
            Sh($"rm -rf {Root}");
            throw;
        }
        ConfigFile = Path.Combine(Root, "barman.conf");
        File.WriteAllText(ConfigFile, $"""
            [barman]
            barman_home = {Home}
            barman_user = root
            log_file = {Root}/barman.log
            log_level = INFO
            compression = {compression}

            [pg]
            description = "WAL test"
            conninfo = {_cluster.Conninfo}
            streaming_conninfo = {_cluster.StreamingConninfo}
            backup_method = postgres
            streaming_archiver = {(streaming ? "on" : "off")}
            archiver = on
            slot_name = barman
            incoming_wals_directory = {Incoming}

            """);
    }

    public string Root { get; }

    public string Home { get; }

    public string ConfigFile { get; }

    public string Incoming => Path.Combine(Root, "incoming");

    /// <summary>A copy of every file archive_command was given: what the archive must end up holding.</summary>
    public string RefDir => Path.Combine(Root, "ref");

    public string Wals => Path.Combine(Home, "pg", "wals");

    public string BarmanBinary => Path.Combine(AppContext.BaseDirectory, "barman");

    /// <summary>Writes enough rows to fill about <paramref name="segments"/> WAL segments, switching at the end.</summary>
    public void ProduceWal(int segments)
    {
        _cluster.Psql("CREATE TABLE IF NOT EXISTS filler (id bigserial, payload text)");
        for (var i = 0; i < segments; i++)
        {
            _cluster.Psql("INSERT INTO filler (payload) SELECT md5(g::text) || repeat('x', 100) FROM generate_series(1, 60000) g");
        }
        _cluster.Psql("SELECT pg_switch_wal()");
    }

    /// <summary>Waits until archive_command has delivered every finished segment (no .ready file left).</summary>
    public void WaitForArchiver(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_cluster.Psql("SELECT count(*) FROM pg_ls_dir('pg_wal/archive_status') f WHERE f LIKE '%.ready'") == "0")
            {
                return;
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException("archive_command did not catch up");
    }

    /// <summary>Runs the built barman binary and returns (exit code, stdout, stderr).</summary>
    public (int Code, string Stdout, string Stderr) Barman(params string[] args)
    {
        var psi = new ProcessStartInfo(BarmanBinary) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(ConfigFile);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(true);
            p.WaitForExit();
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Sh(string command)
    {
        var (_, stdout, _) = TestProcess.Run("/bin/sh", ["-c", command]);
        return stdout;
    }

    public void Dispose()
    {
        try
        {
            // Stop receive-wal (and its pg_receivewal) if a test started one, then the server.
            Barman("receive-wal", "--stop", "pg");
        }
        catch (Exception)
        {
        }
        try
        {
            _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            Sh($"rm -rf {Root}");
        }
    }
}
