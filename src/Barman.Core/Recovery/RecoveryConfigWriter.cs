// The lines recovery appends to postgresql.auto.conf (PostgreSQL 12+) and the signal file it creates.
using System.Text;
using Barman.Core.Storage;

namespace Barman.Core.Recovery;

/// <summary>How PostgreSQL fetches WAL during recovery when <c>--get-wal</c> is used.</summary>
/// <param name="Executable">The barman program to call (absolute path when known).</param>
/// <param name="ConfigFile">The configuration to pass with <c>-c</c>; null when barman finds it by default.</param>
/// <param name="BarmanUser">barman_user.</param>
/// <param name="SwitchUser">True when PostgreSQL will not run as barman_user, so the command must become it.</param>
public sealed record GetWalRestore(string Executable, string? ConfigFile, string BarmanUser, bool SwitchUser);

/// <summary>Builds and writes the recovery configuration exactly as barman lays it out.</summary>
public static class RecoveryConfigWriter
{
    /// <summary>The lines appended after a blank line (see layout/recover-*.txt).</summary>
    public static IReadOnlyList<string> Lines(RecoveryTarget target, string serverName, GetWalRestore? getWal)
    {
        var lines = new List<string>();
        if (getWal is not null)
        {
            lines.Add($"# The 'barman get-wal' command must run as '{getWal.BarmanUser}' user");
            var command = new StringBuilder();
            if (getWal.SwitchUser)
            {
                command.Append("sudo -u ").Append(Shell(getWal.BarmanUser)).Append(' ');
            }
            command.Append(Shell(getWal.Executable));
            if (getWal.ConfigFile is not null)
            {
                command.Append(" -c ").Append(Shell(getWal.ConfigFile));
            }
            command.Append(" get-wal -P ").Append(Shell(serverName)).Append(" %f > %p");
            lines.Add($"restore_command = {Quote(command.ToString())}");
        }
        else
        {
            lines.Add("restore_command = 'cp barman_wal/%f %p'");
            lines.Add("recovery_end_command = 'rm -fr barman_wal'");
        }
        if (target.Time is not null)
        {
            lines.Add($"recovery_target_time = {Quote(target.Time)}");
        }
        if (target.Xid is not null)
        {
            lines.Add($"recovery_target_xid = {Quote(target.Xid)}");
        }
        if (target.Lsn is not null)
        {
            lines.Add($"recovery_target_lsn = {Quote(target.Lsn)}");
        }
        if (target.Name is not null)
        {
            lines.Add($"recovery_target_name = {Quote(target.Name)}");
        }
        if (target.Immediate)
        {
            lines.Add("recovery_target = 'immediate'");
        }
        if (target.Exclusive)
        {
            lines.Add("recovery_target_inclusive = 'False'");
        }
        if (target.Timeline is { } tli)
        {
            // barman writes a number unquoted; the keywords need quotes in postgresql.conf syntax.
            lines.Add("recovery_target_timeline = " + (tli is "latest" or "current" ? Quote(tli) : tli));
        }
        if (target.Action is not null)
        {
            lines.Add($"recovery_target_action = {Quote(target.Action)}");
        }
        return lines;
    }

    /// <summary>Appends the lines to postgresql.auto.conf and creates recovery.signal or standby.signal (empty, 0644).</summary>
    public static void Write(string destination, IReadOnlyList<string> lines, bool standby)
    {
        var auto = Path.Combine(destination, "postgresql.auto.conf");
        var existing = File.Exists(auto) ? File.ReadAllText(auto) : string.Empty;
        var text = new StringBuilder(existing);
        text.Append('\n');
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }
        DurableFile.WriteAtomic(auto, Encoding.UTF8.GetBytes(text.ToString()), FileModes.Mode0600);
        DurableFile.WriteAtomic(Path.Combine(destination, standby ? "standby.signal" : "recovery.signal"), [], FileModes.Mode0644);
    }

    /// <summary>A postgresql.conf string literal: single quotes, embedded quotes doubled.</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Leaves plain words alone; anything else is single-quoted for /bin/sh.</summary>
    private static string Shell(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '=')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
