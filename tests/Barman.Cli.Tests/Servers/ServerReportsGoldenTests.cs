// Golden tests for status and replication-status text/JSON against transcripts 10/11/52.
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Barman.Cli.Output;
using Barman.Cli.Tests.Checks;
using Barman.Core.Servers;

namespace Barman.Cli.Tests.Servers;

public sealed class ServerReportsGoldenTests : IDisposable
{
    private readonly FakeCatalog _home = new();

    public void Dispose() => _home.Dispose();

    /// <summary>The client of transcript 11: pg_receivewal streaming from slot barman.</summary>
    private static ReplicationReport Transcript11(string target = "all", bool withClient = true) => new(
        "pg-main",
        target,
        "0/4000060",
        withClient
            ? [new StreamingClient(6411, "streaming_barman", "barman_receive_wal", "127.0.0.1", null, 60630,
                (DateTimeOffset.Parse("2026-11-24T23:00:06.452014Z", null) - DateTimeOffset.UnixEpoch).TotalSeconds,
                null, "streaming", "0/4000060", "0/4000060", "0/4000000", null, 0, "async", "barman", "0/4000060")]
            : ImmutableArray<StreamingClient>.Empty);

    [Fact]
    public void Replication_status_console_matches_transcript_11()
    {
        // Act
        var text = string.Concat(ReplicationStatusView.ConsoleLines(Transcript11(), minimal: false).Select(l => l + "\n"));

        // Assert
        Assert.Equal(CheckGolden.Read("replication-status.txt"), text);
    }

    [Fact]
    public void Replication_status_minimal_and_empty_target_match_transcript_11()
    {
        // Act
        var minimal = string.Concat(ReplicationStatusView.ConsoleLines(Transcript11(), minimal: true).Select(l => l + "\n"));
        var empty = string.Concat(ReplicationStatusView.ConsoleLines(Transcript11("hot-standby", withClient: false), minimal: false).Select(l => l + "\n"));

        // Assert
        Assert.Equal(CheckGolden.Read("replication-status-minimal.txt"), minimal);
        Assert.Equal(CheckGolden.Read("replication-status-hot-standby.txt"), empty);
    }

    [Fact]
    public void Replication_status_json_matches_transcript_11()
    {
        // Act
        var json = PythonJson.Serialize(new JsonObject { ["pg-main"] = ReplicationStatusView.Json(Transcript11(), minimal: false) });

        // Assert
        Assert.Equal(CheckGolden.Read("replication-status.json"), json);
    }

    [Fact]
    public async Task Status_with_PostgreSQL_stopped_matches_transcript_52()
    {
        // Arrange: the six DONE backups of transcript 52.
        foreach (var id in new[] { "20261124T230051", "20261124T230106", "20261124T230109", "20261124T230112", "20261124T230118", "20261124T230153" })
        {
            _home.AddBackup(id, "DONE", 23125866, "000000010000000000000004", "000000010000000000000005");
        }

        // Act
        var result = await StatusReport.BuildAsync(_home.Server, new FakeVersionRunner(), CancellationToken.None);
        using var console = new StringWriter();
        new ConsoleOutput(console, TextWriter.Null, quiet: false, debug: false).ResultStatus(result);
        using var json = new StringWriter();
        var writer = new JsonOutput(json);
        writer.ResultStatus(result);
        writer.Close();

        // Assert
        Assert.Equal(CheckGolden.Read("status-pg-stopped.txt"), console.ToString());
        Assert.Equal(CheckGolden.Read("status-pg-stopped.json"), json.ToString());
    }

    [Fact]
    public void Nagios_for_two_servers_matches_transcript_09()
    {
        // Arrange: the failures of transcript 09 (check --nagios all before the first backup).
        static Barman.Core.Output.CheckResult Result(string server, params (string Name, bool Ok, string Hint)[] lines) =>
            new(server, false, [.. lines.Select(l => new Barman.Core.Output.CheckLine(l.Name, l.Ok, l.Hint))], 0, 0);
        var alt = Result("pg-alt",
            ("WAL archive", false, "please make sure WAL shipping is setup"),
            ("PostgreSQL", true, ""),
            ("minimum redundancy requirements", false, "have 0 backups, expected at least 1"));
        var main = Result("pg-main",
            ("PostgreSQL", true, ""),
            ("minimum redundancy requirements", false, "have 0 backups, expected at least 1"));

        // Act
        var text = NagiosOutput.Render([alt, main], globalError: false, out var critical);

        // Assert
        Assert.Equal(CheckGolden.Read("check-before-first-backup-all.nagios"), text);
        Assert.True(critical);
    }

    [Fact]
    public void Nagios_ok_for_an_inactive_server_with_issues_says_ignoring()
    {
        // Arrange
        var inactive = new Barman.Core.Output.CheckResult("pg-bad", false, [new("PostgreSQL", false)], 0, 0, Inactive: true);
        var good = new Barman.Core.Output.CheckResult("pg-main", false, [new("PostgreSQL", true)], 23125866, 0);

        // Act
        var text = NagiosOutput.Render([inactive, good], globalError: false, out var critical);

        // Assert
        Assert.Equal("BARMAN OK - Ready to serve the Espresso backup for pg-main * IGNORING: pg-bad|pg-bad=0B pg-bad_wals=0B pg-main=23125866B pg-main_wals=0B\n", text);
        Assert.False(critical);
    }
}
