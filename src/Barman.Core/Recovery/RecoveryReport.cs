// The closing report of recover: modified settings, settings to review, missing files, get-wal advice.
using Barman.Core.Formatting;
using Barman.Core.Output;

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
    public static void Print(IOutput output, RecoveryReport report)
    {
        if (report.Changes.Count > 0)
        {
            output.Info(string.Empty);
            output.Info("IMPORTANT");
            output.Info("These settings have been modified to prevent data losses");
            output.Info(string.Empty);
            report.Changes.ToList().ForEach(c => output.Info(c.ToString()));
        }
        if (report.Warnings.Count > 0)
        {
            output.Info(string.Empty);
            output.Info("WARNING");
            output.Info("You are required to review the following options as potentially dangerous");
            output.Info(string.Empty);
            report.Warnings.ToList().ForEach(w => output.Info(w.ToString()));
        }
        if (report.MissingFiles.Count > 0)
        {
            output.Info(string.Empty);
            output.Info("WARNING");
            output.Info("The following configuration files have not been saved during backup, hence they have not been restored.");
            output.Info("You need to manually restore them in order to start the recovered PostgreSQL instance:");
            output.Info(string.Empty);
            report.MissingFiles.ToList().ForEach(f => output.Info("    " + f));
        }
        if (report.GetWal)
        {
            output.Info(string.Empty);
            output.Info("WARNING: 'get-wal' is in the specified 'recovery_options'.");
            output.Info("Before you start up the PostgreSQL server, please review the postgresql.auto.conf file");
            output.Info("inside the target directory. Make sure that 'restore_command' can be executed by the PostgreSQL user.");
        }
        output.Info(string.Empty);
        output.Info($"Recovery completed (start time: {HumanFormat.IsoWithOffset(report.StartTime)}, elapsed time: {HumanFormat.Duration(report.Elapsed)})");
        output.Info("Your PostgreSQL server has been successfully prepared for recovery!");
    }
}
