// Integration: invalid backup_compression settings against a reachable PostgreSQL 15 disable the server as the real
// barman 3.4 does; check, show-servers, list-servers, status and backup print byte-for-byte what it prints (stdout, stderr, exit code).
using Barman.Cli;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Backup;

public sealed class BackupCompressionConfigErrorTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    private const string Unknown = "WARNING: Ignoring invalid configuration value 'foo' for key backup_compression in [pg-main] section: "
        + "Invalid value (must be one in: 'gzip', 'lz4', 'zstd')\n";

    /// <summary>Settings and the messages barman disables the server with (none: the value is ignored with a warning).</summary>
    public static TheoryData<string, string[]> Invalid => new()
    {
        { "backup_compression = lz4\nbackup_compression_format = plain\n", ["backup_compression_format plain is not compatible with backup_compression_location None"] },
        { "backup_compression = gzip\nbackup_compression_level = 12\n", ["backup_compression_level 12 unsupported by pg_basebackup compression gzip"] },
        {
            "backup_compression = zstd\nbackup_compression_level = 30\nbackup_compression_workers = -2\n",
            ["backup_compression_level 30 unsupported by pg_basebackup compression zstd", "backup_compression_workers should be a positive integer: '-2' is invalid"]
        },
        { "backup_compression = foo\n", [] },
    };

    private static (int Code, string Out, string Err) Ours(string config, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["-c", config, .. args], stdout, stderr, TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (int Code, string Out, string Err) Real(string config, params string[] args)
    {
        var run = TestProcess.Run("/usr/bin/barman", ["-c", config, .. args], check: false);
        return (run.ExitCode, run.Stdout, run.Stderr);
    }

    /// <summary>Python's repr of a str without backslashes: double quotes when it holds a single quote.</summary>
    private static string PyRepr(string text) => text.Contains('\'', StringComparison.Ordinal) ? "\"" + text + "\"" : "'" + text + "'";

    private BarmanHome Home(string settings)
    {
        var home = BarmanHome.Create("pg-main");
        var cluster = fixture.Cluster;
        File.WriteAllText(home.ConfigFile, $"[barman]\nbarman_home = {home.HomeDir}\nbarman_user = root\nlog_file = {home.LogFile}\nlog_level = INFO\n\n"
            + $"[pg-main]\ndescription = invalid compression\nconninfo = {cluster.Conninfo}\nstreaming_conninfo = {cluster.StreamingConninfo}\n"
            + $"backup_method = postgres\narchiver = on\nstreaming_archiver = off\npath_prefix = {PostgresCluster.BinDir}\n{settings}");
        return home;
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Check_reports_the_configuration_failure_of_a_disabled_server_as_barman_does(string settings, string[] messages)
    {
        // Arrange
        using var home = Home(settings);

        // Act
        var real = Real(home.ConfigFile, "check", "pg-main");
        var ours = Ours(home.ConfigFile, "check", "pg-main");

        // Assert
        Assert.Equal(1, ours.Code);
        if (messages.Length > 0)
        {
            Assert.StartsWith("Server pg-main (WARNING: disabled):\n", ours.Out, StringComparison.Ordinal);
            Assert.Contains("\tconfiguration: FAILED\n" + string.Concat(messages.Select(m => "\t\t" + m + "\n")), ours.Out, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(Unknown, ours.Err);
        }
        Assert.Equal(real, ours);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Show_servers_shows_the_server_disabled_with_its_messages_as_barman_does(string settings, string[] messages)
    {
        // Arrange
        using var home = Home(settings);

        // Act
        var real = Real(home.ConfigFile, "show-servers", "pg-main");
        var ours = Ours(home.ConfigFile, "show-servers", "pg-main");

        // Assert
        Assert.Equal(0, ours.Code);
        Assert.Contains(messages.Length > 0 ? "\tdisabled: True\n" : "\tdisabled: False\n", ours.Out, StringComparison.Ordinal);
        Assert.Contains("\tmsg_list: [" + string.Join(", ", messages.Select(PyRepr)) + "]\n", ours.Out, StringComparison.Ordinal);
        Assert.Equal(real, ours);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Backup_prints_each_configuration_error_and_takes_nothing_as_barman_does(string settings, string[] messages)
    {
        // Arrange
        using var home = Home(settings);

        // Act
        var real = Real(home.ConfigFile, "backup", "pg-main");
        var ours = Ours(home.ConfigFile, "backup", "pg-main");

        // Assert
        Assert.Equal(1, ours.Code);
        if (messages.Length > 0)
        {
            Assert.Equal(string.Concat(messages.Select(m => "ERROR: " + m + "\n")), ours.Err);
        }
        else
        {
            Assert.StartsWith(Unknown, ours.Err, StringComparison.Ordinal);
        }
        Assert.Equal(real, ours);
        Assert.False(Directory.Exists(Path.Combine(home.ServerDir, "base")) && Directory.EnumerateDirectories(Path.Combine(home.ServerDir, "base")).Any());
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void List_servers_and_status_show_the_server_disabled_as_barman_does(string settings, string[] messages)
    {
        // Arrange
        using var home = Home(settings);

        // Act
        var realList = Real(home.ConfigFile, "list-servers");
        var ourList = Ours(home.ConfigFile, "list-servers");
        var realStatus = Real(home.ConfigFile, "status", "pg-main");
        var ourStatus = Ours(home.ConfigFile, "status", "pg-main");

        // Assert
        Assert.Equal("pg-main - invalid compression" + (messages.Length > 0 ? " (WARNING: disabled)" : string.Empty) + "\n", ourList.Out);
        Assert.Equal(realList, ourList);
        Assert.Equal(realStatus, ourStatus);
    }
}
