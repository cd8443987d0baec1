// The stdout barman 3.4 prints for recover (transcripts 34-45), computed for the test cluster's files.
using System.Text.RegularExpressions;

namespace Barman.IntegrationTests.Recovery;

internal static partial class ExpectedOutput
{
    /// <summary>
    /// The full console output of a successful recover, with the test's own line numbers (0-based, as barman
    /// reports them) for archive_command and unix_socket_directories; only the start time is left variable.
    /// </summary>
    public static string[] Recover(PitrScenarioFixture f, string destination, string? pitrLine, bool copyWal, bool archiveStatus, bool configuration, bool getWal = false)
    {
        var conf = File.ReadAllLines(Path.Combine(f.Backup.Directory, "data", "postgresql.conf"));
        var archiveLine = Array.FindIndex(conf, l => l.StartsWith("archive_command = ", StringComparison.Ordinal));
        var socketLine = Array.FindIndex(conf, l => l.StartsWith("unix_socket_directories = ", StringComparison.Ordinal));
        var lines = new List<string>
        {
            $"Starting local restore for server pg-main using backup {f.Backup.BackupId}",
            $"Destination directory: {destination}",
        };
        if (pitrLine is not null)
        {
            lines.Add(pitrLine);
        }
        lines.Add("Copying the base backup.");
        if (copyWal)
        {
            lines.Add("Copying required WAL segments.");
        }
        if (archiveStatus)
        {
            lines.Add("Generating archive status files");
        }
        if (configuration)
        {
            lines.Add("Generating recovery configuration");
        }
        lines.AddRange(
        [
            "Identify dangerous settings in destination directory.",
            "",
            "IMPORTANT",
            "These settings have been modified to prevent data losses",
            "",
            $"postgresql.conf line {archiveLine}: archive_command = false",
            "",
            "WARNING",
            "You are required to review the following options as potentially dangerous",
            "",
            $"postgresql.conf line {socketLine}: {conf[socketLine]}",
        ]);
        if (getWal)
        {
            lines.AddRange(
            [
                "",
                "WARNING: 'get-wal' is in the specified 'recovery_options'.",
                "Before you start up the PostgreSQL server, please review the postgresql.auto.conf file",
                "inside the target directory. Make sure that 'restore_command' can be executed by the PostgreSQL user.",
            ]);
        }
        lines.AddRange(["", "Recovery completed (start time: <T>, elapsed time: <E>)", "Your PostgreSQL server has been successfully prepared for recovery!", ""]);
        return [.. lines];
    }

    /// <summary>Replaces the start time and elapsed time of the "Recovery completed" line.</summary>
    public static string[] Normalise(string stdout) =>
        [.. stdout.Split('\n').Select(l => Completed().Replace(l, "Recovery completed (start time: <T>, elapsed time: <E>)"))];

    [GeneratedRegex(@"^Recovery completed \(start time: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?[+-]\d\d:\d\d, elapsed time: [a-z0-9 ,]+\)$")]
    private static partial Regex Completed();
}
