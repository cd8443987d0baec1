// Validates an option's text as barman 3.4 does when it loads a server (its PARSERS table); the error text is what
// barman's "Ignoring invalid configuration value ..." warning quotes.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Barman.Core.Configuration;

/// <summary>Checks raw option values against their <see cref="OptionKind"/> and barman's per-option rules.</summary>
public static partial class OptionParsers
{
    /// <summary>Integer options barman checks at load time (others, such as minimum_redundancy, are checked later or never).</summary>
    private static readonly HashSet<string> CheckedInts = new(StringComparer.Ordinal)
    {
        "archiver_batch_size", "backup_compression_level", "backup_compression_workers", "basebackup_retry_sleep",
        "basebackup_retry_times", "check_timeout", "max_incoming_wals_queue", "parallel_jobs", "streaming_archiver_batch_size",
    };

    /// <summary>The message of each enumerated option's parser (they differ in wording).</summary>
    private static readonly Dictionary<string, string> ChoiceErrors = new(StringComparer.Ordinal)
    {
        ["backup_method"] = "Invalid value (must be one in: 'rsync', 'postgres', 'local-rsync', 'snapshot')",
        ["backup_compression"] = "Invalid value (must be one in: 'gzip', 'lz4', 'zstd')",
        ["backup_compression_format"] = "Invalid value (must be either `plain` or `tar`)",
        ["backup_compression_location"] = "Invalid value (must be either `client` or `server`)",
        ["create_slot"] = "Invalid value (use 'manual' or 'auto')",
        ["reuse_backup"] = "Invalid value (use 'copy', 'link' or 'off')",
    };

    /// <summary>Null when <paramref name="value"/> is valid for <paramref name="spec"/>, else barman's reason.</summary>
    /// <param name="section">"[pg-main] section": BackupOptions/RecoveryOptions repeat it inside their message.</param>
    public static string? Validate(OptionSpec spec, string value, string section = "") => spec.Name switch
    {
        "slot_name" => SlotName().IsMatch(value) ? null
            : "Replication slot names may only contain lower case letters, numbers, and the underscore character.",
        "recovery_staging_path" => value.StartsWith('/') ? null : $"Invalid value : '{value}' (must be an absolute path)",
        _ => spec.Kind switch
        {
            OptionKind.Bool => TryParseBool(value, out _) ? null : "Invalid boolean representation (use 'true' or 'false')",
            OptionKind.Int when CheckedInts.Contains(spec.Name) => TryParseInt(value, out _) ? null : $"invalid literal for int() with base 10: '{value}'",
            OptionKind.Choice when ChoiceErrors.TryGetValue(spec.Name, out var error) =>
                spec.Choices.Contains(value.ToLowerInvariant(), StringComparer.Ordinal) ? null : error,
            OptionKind.Size => TryParseSize(value, out _) ? null : $"Invalid value for a number {value}",
            OptionKind.Age => TryParseAge(value, out _) ? null : $"Invalid value for a time interval {value}",
            OptionKind.BackupOptions => ValidateTokens(value, spec.Name, section, ["concurrent_backup", "exclusive_backup", "external_configuration"]),
            OptionKind.RecoveryOptions => ValidateTokens(value, spec.Name, section, ["get-wal"]),
            _ => null,
        },
    };

    /// <summary>True for an enumerated option whose stored value barman lower-cases (backup_method = POSTGRES).</summary>
    public static bool IsLowerCased(OptionSpec spec) => spec.Kind == OptionKind.Choice && ChoiceErrors.ContainsKey(spec.Name);

    /// <summary>barman's booleans: true/t/yes/1/on and false/f/no/0/off, any case, no surrounding spaces.</summary>
    public static bool TryParseBool(string value, out bool result)
    {
        result = false;
        switch (value.ToLowerInvariant())
        {
            case "true" or "t" or "yes" or "1" or "on":
                result = true;
                return true;
            case "false" or "f" or "no" or "0" or "off":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Python's int(): surrounding whitespace, a sign, digits with single underscores between them.</summary>
    public static bool TryParseInt(string value, out long result)
    {
        result = 0;
        return PythonInt().IsMatch(value)
            && long.TryParse(value.Trim().Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>barman's sizes: an integer with an optional k/Ki/M/Mi/G/Gi/T/Ti suffix (case matters, no "B").</summary>
    public static bool TryParseSize(string value, out long bytes)
    {
        bytes = 0;
        var m = SizePattern().Match(value);
        if (!m.Success || !long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        bytes = number * m.Groups[2].Value switch
        {
            "k" => 1000L,
            "Ki" => 1024L,
            "M" => 1000L * 1000,
            "Mi" => 1024L * 1024,
            "G" => 1000L * 1000 * 1000,
            "Gi" => 1024L * 1024 * 1024,
            "T" => 1000L * 1000 * 1000 * 1000,
            "Ti" => 1024L * 1024 * 1024 * 1024,
            _ => 1L,
        };
        return true;
    }

    /// <summary>barman's time intervals: <c>N DAYS|WEEKS|MONTHS|HOURS</c> (any case, singular or plural; a month is 31 days).</summary>
    public static bool TryParseAge(string value, out TimeSpan age)
    {
        age = TimeSpan.Zero;
        var m = AgePattern().Match(value);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }
        age = char.ToLowerInvariant(m.Groups[2].Value[0]) switch
        {
            'd' => TimeSpan.FromDays(n),
            'w' => TimeSpan.FromDays(7 * n),
            'h' => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(31 * n),
        };
        return true;
    }

    private static string? ValidateTokens(string value, string key, string section, string[] known)
    {
        var tokens = value.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        if (tokens.FirstOrDefault(t => !known.Contains(t, StringComparer.Ordinal)) is { } unknown)
        {
            return $"Invalid configuration value '{unknown}' for key {key} in {section}: Unknown option";
        }
        return tokens.Contains("exclusive_backup") && tokens.Contains("concurrent_backup")
            ? $"Invalid configuration value 'exclusive_backup' for key {key} in {section}: cannot contain both 'exclusive_backup' and 'concurrent_backup'.Configuration directive ignored."
            : null;
    }

    // re.match(r"(\d+)\s*(k|Ki|M|Mi|G|Gi|T|Ti)?\s*$"): anchored at the start, "$" also before a final newline.
    [GeneratedRegex(@"^([0-9]+)\s*(k|Ki|M|Mi|G|Gi|T|Ti)?\s*\n?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"^\s*([0-9]+)\s+(day|month|week|hour)s?\s*\n?\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgePattern();

    [GeneratedRegex(@"^\s*[+-]?[0-9]+(_[0-9]+)*\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PythonInt();

    [GeneratedRegex(@"^[0-9a-z_]+\n?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlotName();
}
