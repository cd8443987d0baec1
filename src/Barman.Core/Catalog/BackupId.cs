// Backup ids (local start time YYYYMMDDTHHMMSS) and backup names, validated as barman validates them.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Barman.Core.Catalog;

/// <summary>A backup id such as <c>20261124T230051</c>: the local time the backup started.</summary>
public readonly partial record struct BackupId(string Value) : IComparable<BackupId>
{
    /// <summary>The selectors barman reserves; a backup name can never be one of them.</summary>
    public static readonly IReadOnlyList<string> ReservedWords = ["latest", "last", "oldest", "first", "last-failed"];

    /// <summary>The id of a backup starting at <paramref name="localStart"/> (local wall-clock time).</summary>
    public static BackupId FromStartTime(DateTimeOffset localStart) =>
        new(localStart.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));

    /// <summary>True for the id shape: 8 digits, 'T', 6 digits, nothing else (so never a path).</summary>
    public static bool IsBackupId(string text) => Pattern().IsMatch(text);

    public static bool TryParse(string? text, out BackupId id)
    {
        id = text is not null && IsBackupId(text) ? new BackupId(text) : default;
        return id.Value is not null;
    }

    /// <summary>
    /// Checks a <c>--name</c> value; returns the reason it is refused (barman's argparse text), or null when valid.
    /// Beyond barman: control characters are refused because backup.info is one line per key.
    /// </summary>
    public static string? InvalidNameReason(string name)
    {
        if (name.Length == 0)
        {
            return "Backup name cannot be empty";
        }
        if (IsBackupId(name))
        {
            return $"Backup name '{name}' is not allowed: backup ID";
        }
        if (ReservedWords.Contains(name))
        {
            return $"Backup name '{name}' is not allowed: reserved word";
        }
        if (name.Any(char.IsControl))
        {
            return $"Backup name {PythonLiteral.Repr(name)} is not allowed: control characters";
        }
        return null;
    }

    public int CompareTo(BackupId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;

    [GeneratedRegex(@"^\d{8}T\d{6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
