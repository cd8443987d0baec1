// A temporary barman_home with a barman.conf in the reference's shape, pointing at a test cluster.
namespace Barman.IntegrationTests.Fixtures;

/// <summary>A throw-away barman configuration and home directory for one server.</summary>
internal sealed class BarmanHome : IDisposable
{
    private BarmanHome(string root, string server)
    {
        Root = root;
        Server = server;
    }

    public string Root { get; }

    public string Server { get; }

    public string HomeDir => Path.Combine(Root, "home");

    public string ServerDir => Path.Combine(HomeDir, Server);

    public string Incoming => Path.Combine(ServerDir, "incoming");

    public string ConfigFile => Path.Combine(Root, "barman.conf");

    public string LogFile => Path.Combine(Root, "barman.log");

    /// <summary>Creates the directory tree; incoming is world-writable so the postgres user can archive into it.</summary>
    public static BarmanHome Create(string server)
    {
        var root = Path.Combine(Path.GetTempPath(), "barman-home-" + Guid.NewGuid().ToString("N")[..12]);
        var home = new BarmanHome(root, server);
        Directory.CreateDirectory(Path.Combine(root, "barman.d"));
        Directory.CreateDirectory(home.Incoming);
        File.SetUnixFileMode(root, (UnixFileMode)0x1ED);
        File.SetUnixFileMode(home.HomeDir, (UnixFileMode)0x1ED);
        File.SetUnixFileMode(home.ServerDir, (UnixFileMode)0x1ED);
        File.SetUnixFileMode(home.Incoming, (UnixFileMode)0x1FF);
        return home;
    }

    /// <summary>Writes barman.conf + barman.d/&lt;server&gt;.conf like the reference rig (layout/00-setup.txt).</summary>
    public void WriteConfig(PostgresCluster cluster, string extraServerLines = "", string extraGlobalLines = "", string user = "root", bool streamingArchiver = true)
    {
        File.WriteAllText(ConfigFile, $"""
            [barman]
            barman_home = {HomeDir}
            configuration_files_directory = {Path.Combine(Root, "barman.d")}
            barman_user = {user}
            log_file = {LogFile}
            log_level = INFO
            retention_policy = RECOVERY WINDOW OF 7 DAYS
            minimum_redundancy = 1
            compression = gzip
            {extraGlobalLines}
            """ + "\n");
        File.WriteAllText(Path.Combine(Root, "barman.d", Server + ".conf"), $"""
            [{Server}]
            description = "Main Production Server"
            conninfo = {cluster.Conninfo}
            streaming_conninfo = {cluster.StreamingConninfo}
            backup_method = postgres
            streaming_archiver = {(streamingArchiver ? "on" : "off")}
            archiver = on
            slot_name = barman
            retention_policy = RECOVERY WINDOW OF 14 DAYS
            backup_directory = {ServerDir}
            {extraServerLines}
            """ + "\n");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
