// Reads the backup_label pg_basebackup leaves in the data directory: start location, WAL file and timeline.
using System.Text.RegularExpressions;

namespace Barman.Core.Backup;

/// <summary>The fields barman takes from backup_label.</summary>
public sealed partial record BackupLabel(string StartLocation, string StartWal, int Timeline)
{
    /// <summary>Parses <c>START WAL LOCATION: 0/5000028 (file 000000010000000000000005)</c>; null when absent.</summary>
    public static BackupLabel? TryParse(string text)
    {
        var m = WalPattern().Match(text);
        return m.Success
            ? new BackupLabel(m.Groups[1].Value, m.Groups[2].Value, int.Parse(m.Groups[2].Value[..8], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"START WAL LOCATION: (\S+) \(file (\S+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex WalPattern();
}
