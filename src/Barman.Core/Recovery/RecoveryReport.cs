// The closing report of recover: modified settings, settings to review, missing files, get-wal advice.
using Barman.Core.Formatting;

namespace Barman.Core.Recovery;

/// <summary>What recover tells the operator at the end (transcripts 34–48).</summary>
public sealed record RecoveryReport(
    IReadOnlyList<ConfigAssertion> Changes,
    IReadOnlyList<ConfigAssertion> Warnings,
    IReadOnlyList<string> MissingFiles,
    bool GetWal,
    DateTimeOffset StartTime,
    TimeSpan Elapsed)
{
    /// <summary>Prints the report as barman's console lines (each block opens with a blank line).</summary>
    public static void Print(Action<string> info, RecoveryReport report)
    {
        if (report.Changes.Count > 0)
        {
            info(string.Empty);
            info("IMPORTANT");
            info("These settings have been modified to prevent data losses");
            info(string.Empty);
            report.Changes.ToList().ForEach(c => info(c.ToString()));
        }
        if (report.Warnings.Count > 0)
        {
            info(string.Empty);
            info("WARNING");
            info("You are required to review the following options as potentially dangerous");
            info(string.Empty);
            report.Warnings.ToList().ForEach(w => info(w.ToString()));
        }
        if (report.MissingFiles.Count > 0)
        {
            info(string.Empty);
            info("WARNING");
            info("The following configuration files have not been saved during backup, hence they have not been restored.");
            info("You need to manually restore them in order to start the recovered PostgreSQL instance:");
            info(string.Empty);
            report.MissingFiles.ToList().ForEach(f => info("    " + f));
        }
        if (report.GetWal)
        {
            info(string.Empty);
            info("WARNING: 'get-wal' is in the specified 'recovery_options'.");
            info("Before you start up the PostgreSQL server, please review the postgresql.auto.conf file");
            info("inside the target directory. Make sure that 'restore_command' can be executed by the PostgreSQL user.");
        }
        info(string.Empty);
        info($"Recovery completed (start time: {HumanFormat.IsoWithOffset(report.StartTime)}, elapsed time: {HumanFormat.Duration(report.Elapsed)})");
        info("Your PostgreSQL server has been successfully prepared for recovery!");
    }
}
