// A throw-away PostgreSQL 15 cluster on a free loopback port, run as the postgres user, removed on dispose.
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Barman.IntegrationTests.Fixtures;

/// <summary>Options for a test cluster.</summary>
internal sealed record ClusterOptions(
    bool ArchiveMode = false,
    string? IncomingDirectory = null,
    IReadOnlyList<string>? ExtraSettings = null,
    IReadOnlyList<string>? Slots = null,
    int? Port = null,
    string? ArchiveCopyDirectory = null);

/// <summary>
/// A real PostgreSQL cluster for integration tests: initdb as <c>postgres</c> (initdb refuses root), replication
/// settings, roles <c>barman</c> (superuser) and <c>streaming_barman</c> (replication), optional archive_command
/// that drops WAL into a barman incoming directory, and optional replication slots.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private bool _running;

    private PostgresCluster(string root, string dataDir, int port, bool owned)
    {
        Root = root;
        DataDir = dataDir;
        Port = port;
        SocketDir = Path.Combine(root, "sock");
        _ownsRoot = owned;
    }

    private readonly bool _ownsRoot;

    public static string BinDir => Environment.GetEnvironmentVariable("BARMAN_TEST_PGBIN") ?? "/usr/lib/postgresql/15/bin";

    public string Root { get; }

    public string DataDir { get; }

    public int Port { get; }

    public string SocketDir { get; }

    /// <summary>The server log (in the postgres-owned socket directory, since the root directory is not writable by postgres).</summary>
    public string LogFile => Path.Combine(SocketDir, "postgres.log");

    /// <summary>libpq conninfo for the barman superuser.</summary>
    public string Conninfo => $"host=127.0.0.1 port={Port} user=barman dbname=postgres";

    /// <summary>libpq conninfo for the replication user.</summary>
    public string StreamingConninfo => $"host=127.0.0.1 port={Port} user=streaming_barman";

    public static string Bin(string program) => Path.Combine(BinDir, program);

    /// <summary>Creates and starts a new cluster under a fresh temporary directory.</summary>
    public static async Task<PostgresCluster> StartAsync(ClusterOptions? options = null)
    {
        options ??= new ClusterOptions();
        var root = Path.Combine(Path.GetTempPath(), "barman-it-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        try
        {
            return await CreateAsync(root, options);
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    private static async Task<PostgresCluster> CreateAsync(string root, ClusterOptions options)
    {
        File.SetUnixFileMode(root, (UnixFileMode)0x1ED); // 0755: postgres must traverse it
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(Path.Combine(root, "sock"));
        TestProcess.ChownToPostgres(Path.Combine(root, "sock"));
        Directory.CreateDirectory(data);
        TestProcess.ChownToPostgres(data);
        TestProcess.Run(Bin("initdb"), ["-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asPostgres: true);

        var cluster = new PostgresCluster(root, data, options.Port ?? FreePort(), owned: true);
        var settings = new List<string>
        {
            "listen_addresses = '127.0.0.1'",
            $"port = {cluster.Port}",
            $"unix_socket_directories = '{cluster.SocketDir}'",
            "wal_level = replica",
            "max_wal_senders = 10",
            "max_replication_slots = 10",
            "logging_collector = off",
            "shared_buffers = 16MB",
            "fsync = off",
            "full_page_writes = on",
        };
        if (options.ArchiveMode && options.IncomingDirectory is { } incoming)
        {
            var tmp = Path.Combine(root, "archtmp");
            Directory.CreateDirectory(tmp);
            TestProcess.ChownToPostgres(tmp);
            settings.Add("archive_mode = on");
            // ArchiveCopyDirectory keeps a reference copy of everything PostgreSQL archived (the WAL tests compare with it).
            var copy = options.ArchiveCopyDirectory is { } reference ? $"cp %p {reference}/%f && " : string.Empty;
            settings.Add($"archive_command = '{copy}test ! -f {incoming}/%f && cp %p {tmp}/%f && chmod 0644 {tmp}/%f && mv {tmp}/%f {incoming}/%f'");
        }
        settings.AddRange(options.ExtraSettings ?? []);
        await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), "\n# integration test settings\n" + string.Join('\n', settings) + "\n");
        await File.WriteAllTextAsync(Path.Combine(data, "pg_hba.conf"),
            "local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\nlocal replication all trust\n");
        TestProcess.ChownToPostgres(data);
        try
        {
            cluster.Start();
            cluster.Psql("CREATE USER barman SUPERUSER; CREATE USER streaming_barman REPLICATION;", user: "postgres");
            foreach (var slot in options.Slots ?? [])
            {
                cluster.Psql($"SELECT pg_create_physical_replication_slot('{slot}');", user: "postgres");
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>Starts PostgreSQL on a recovered copy (owned by postgres after this call) on a new free port.</summary>
    /// <param name="recoveredDataDir">The recovered copy.</param>
    /// <param name="extraOptions">More <c>-c name=value</c> server options.</param>
    /// <param name="port">A port from the caller's range (default: any free one).</param>
    /// <param name="checkStart">False when the server may legitimately stop before it is ready (recovery_target_action = shutdown).</param>
    public static PostgresCluster StartOn(string recoveredDataDir, IReadOnlyList<string>? extraOptions = null, int? port = null, bool checkStart = true)
    {
        var root = Path.Combine(Path.GetTempPath(), "barman-it-rec-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(root, "sock"));
        File.SetUnixFileMode(root, (UnixFileMode)0x1ED);
        TestProcess.ChownToPostgres(Path.Combine(root, "sock"));
        TestProcess.ChownToPostgres(recoveredDataDir);
        if (TestProcess.IsRoot)
        {
            File.SetUnixFileMode(recoveredDataDir, (UnixFileMode)0x1C0); // 0700, required by postgres
        }
        var cluster = new PostgresCluster(root, recoveredDataDir, port ?? FreePort(), owned: false);
        // A recovered copy must never archive into the catalog it came from.
        cluster.Start(["-c", "archive_mode=off", .. extraOptions ?? []], checkStart);
        return cluster;
    }

    /// <summary>Starts the server and waits until it accepts connections (recovery may still be running).</summary>
    public void Start(IReadOnlyList<string>? extraOptions = null, bool check = true)
    {
        var opts = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={SocketDir}";
        if (extraOptions is not null)
        {
            opts += " " + string.Join(' ', extraOptions);
        }
        TestProcess.Run(Bin("pg_ctl"), ["-D", DataDir, "-l", LogFile, "-o", opts, "-w", "-t", "120", "start"], asPostgres: true, check: check);
        _running = true;
    }

    /// <summary>Runs SQL with psql and returns its unaligned, tuples-only output (trimmed).</summary>
    public string Psql(string sql, string user = "barman", string database = "postgres", bool check = true)
    {
        var (_, stdout, _) = TestProcess.Run(Bin("psql"),
            ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", user, "-d", database, "-c", sql],
            check: check);
        return stdout.Trim();
    }

    /// <summary>Closes the current WAL segment and returns its name.</summary>
    public string SwitchWal()
    {
        var name = Psql("SELECT pg_walfile_name(pg_current_wal_lsn())");
        Psql("SELECT pg_switch_wal()");
        return name;
    }

    /// <summary>Stops the server (fast shutdown by default).</summary>
    public void Stop(string mode = "fast")
    {
        if (!_running)
        {
            return;
        }
        TestProcess.Run(Bin("pg_ctl"), ["-D", DataDir, "-m", mode, "-w", "-t", "60", "stop"], asPostgres: true, check: false);
        _running = false;
    }

    /// <summary>True when the postmaster of this cluster answers.</summary>
    public bool IsReady() =>
        TestProcess.Run(Bin("pg_isready"), ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture)], check: false).ExitCode == 0;

    /// <summary>Marks the cluster as stopped by someone else (e.g. recovery_target_action = shutdown).</summary>
    public void MarkStopped() => _running = false;

    public ValueTask DisposeAsync()
    {
        try
        {
            Stop("immediate");
        }
        finally
        {
            // A recovered copy's data directory belongs to the test that recovered it; our root is always ours.
            TryDelete(Root);
        }
        return ValueTask.CompletedTask;
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
