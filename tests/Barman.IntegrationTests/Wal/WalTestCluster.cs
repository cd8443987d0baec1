// A throw-away PostgreSQL 15 cluster plus barman home for the WAL tests (run as root: the cluster runs as `postgres`).
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Barman.IntegrationTests.Wal;

/// <summary>
/// initdb + start on a free loopback port in 55210–55299, archive_command delivering into the barman
/// home's incoming/ (via a temp file and mv) and keeping a reference copy of every segment in ref/.
/// Disposing stops the server (immediate) and removes everything.
/// </summary>
public sealed class WalTestCluster : IDisposable
{
    private const string PgBin = "/usr/lib/postgresql/15/bin";

    public WalTestCluster(string compression = "gzip", bool streaming = true, string? barmanHome = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "barman-wal-it-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        Home = barmanHome ?? Path.Combine(Root, "home");
        Directory.CreateDirectory(Path.Combine(Root, "pg"));
        Directory.CreateDirectory(Incoming);
        Directory.CreateDirectory(RefDir);
        Directory.CreateDirectory(Path.Combine(Root, "archtmp"));
        Sh($"chmod 755 {Root} && chown -R postgres {Root}/pg {Root}/archtmp {RefDir} && chmod 777 {Incoming}");
        Port = FreePort();
        Sh($"runuser -u postgres -- {PgBin}/initdb -D {Data} -U postgres --auth=trust >/dev/null");
        File.AppendAllText(Path.Combine(Data, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = '{Root}/pg'
            wal_level = replica
            max_wal_senders = 10
            max_replication_slots = 10
            archive_mode = on
            archive_command = 'cp %p {RefDir}/%f && test ! -f {Incoming}/%f && cp %p {Root}/archtmp/%f && mv {Root}/archtmp/%f {Incoming}/%f'
            fsync = off
            """);
        Sh($"runuser -u postgres -- {PgBin}/pg_ctl -D {Data} -l {Root}/pg/log -w start >/dev/null");
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
            conninfo = host=127.0.0.1 port={Port} user=postgres dbname=postgres
            streaming_conninfo = host=127.0.0.1 port={Port} user=postgres
            backup_method = postgres
            streaming_archiver = {(streaming ? "on" : "off")}
            archiver = on
            slot_name = barman
            incoming_wals_directory = {Incoming}

            """);
    }

    public string Root { get; }

    public string Home { get; }

    public int Port { get; }

    public string ConfigFile { get; }

    public string Data => Path.Combine(Root, "pg", "data");

    public string Incoming => Path.Combine(Root, "incoming");

    /// <summary>Every segment archive_command saw, byte for byte: the truth the archive is checked against.</summary>
    public string RefDir => Path.Combine(Root, "ref");

    public string Wals => Path.Combine(Home, "pg", "wals");

    public string BarmanBinary => Path.Combine(AppContext.BaseDirectory, "barman");

    public void Sql(string sql)
    {
        using var conn = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Command Timeout=300");
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Writes enough rows to fill about <paramref name="segments"/> WAL segments, switching at the end.</summary>
    public void ProduceWal(int segments)
    {
        Sql("CREATE TABLE IF NOT EXISTS filler (id bigserial, payload text)");
        for (var i = 0; i < segments; i++)
        {
            Sql("INSERT INTO filler (payload) SELECT md5(g::text) || repeat('x', 100) FROM generate_series(1, 60000) g");
        }
        Sql("SELECT pg_switch_wal()");
    }

    /// <summary>Waits until archive_command has delivered every finished segment (pg_stat_archiver caught up).</summary>
    public void WaitForArchiver(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var conn = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false");
            conn.Open();
            using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_ls_dir('pg_wal/archive_status') f WHERE f LIKE '%.ready'", conn);
            if ((long)cmd.ExecuteScalar()! == 0)
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
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed ({p.ExitCode}): {error}");
        }
        return output;
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
            Sh($"runuser -u postgres -- {PgBin}/pg_ctl -D {Data} -m immediate -w stop >/dev/null 2>&1 || true");
        }
        finally
        {
            Sh($"rm -rf {Root}");
        }
    }

    private static int FreePort()
    {
        for (var port = 55210 + Random.Shared.Next(0, 80); ; port = 55210 + ((port - 55210 + 1) % 90))
        {
            try
            {
                using var l = new TcpListener(IPAddress.Loopback, port);
                l.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
