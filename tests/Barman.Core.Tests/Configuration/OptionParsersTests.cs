// Tests of OptionParsers: barman 3.4's load-time checks and their messages (outputs of barman's own parsers).
using Barman.Core.Configuration;

namespace Barman.Core.Tests.Configuration;

public sealed class OptionParsersTests
{
    private static string? Check(string key, string value) => OptionParsers.Validate(OptionTable.ByName[key], value, "[pg] section");

    [Theory]
    [InlineData("100", 100L)]
    [InlineData("1k", 1000L)]
    [InlineData("1 Ki", 1024L)]
    [InlineData("1Mi", 1048576L)]
    [InlineData("2 M", 2000000L)]
    [InlineData("1 Gi", 1073741824L)]
    [InlineData("1 T", 1000000000000L)]
    [InlineData("10 Ti", 10995116277760L)]
    public void Sizes_take_an_integer_and_an_SI_or_IEC_suffix(string text, long bytes)
    {
        Assert.True(OptionParsers.TryParseSize(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("1 GiB")]
    [InlineData("500 MB")]
    [InlineData("1.5 Gi")]
    [InlineData("1 KI")]
    [InlineData("abc")]
    [InlineData(" 100")]
    public void Sizes_reject_what_barman_rejects(string text)
    {
        Assert.False(OptionParsers.TryParseSize(text, out _));
        Assert.Equal($"Invalid value for a number {text}", Check("last_backup_minimum_size", text));
    }

    [Theory]
    [InlineData("1 DAYS", 24.0)]
    [InlineData("1 day", 24.0)]
    [InlineData("2 weeks", 336.0)]
    [InlineData("1 month", 744.0)]
    [InlineData("3 HOURS", 3.0)]
    [InlineData(" 2 Days ", 48.0)]
    public void Ages_take_days_weeks_months_or_hours(string text, double hours)
    {
        Assert.True(OptionParsers.TryParseAge(text, out var age));
        Assert.Equal(TimeSpan.FromHours(hours), age);
    }

    [Theory]
    [InlineData("1 d")]
    [InlineData("5")]
    [InlineData("1 year")]
    public void Ages_reject_other_units(string text)
    {
        Assert.Equal($"Invalid value for a time interval {text}", Check("last_wal_maximum_age", text));
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("TRUE", true)]
    [InlineData("t", true)]
    [InlineData("Yes", true)]
    [InlineData("1", true)]
    [InlineData("off", false)]
    [InlineData("F", false)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    public void Booleans_accept_barmans_words_in_any_case(string text, bool expected)
    {
        Assert.True(OptionParsers.TryParseBool(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("y")]
    [InlineData(" on")]
    [InlineData("2")]
    public void Other_booleans_are_invalid(string text)
    {
        Assert.Equal("Invalid boolean representation (use 'true' or 'false')", Check("archiver", text));
    }

    [Theory]
    [InlineData("backup_method", "bogus", "Invalid value (must be one in: 'rsync', 'postgres', 'local-rsync', 'snapshot')")]
    [InlineData("backup_method", " rsync", "Invalid value (must be one in: 'rsync', 'postgres', 'local-rsync', 'snapshot')")]
    [InlineData("reuse_backup", "bogus", "Invalid value (use 'copy', 'link' or 'off')")]
    [InlineData("backup_compression", "bogus", "Invalid value (must be one in: 'gzip', 'lz4', 'zstd')")]
    [InlineData("backup_compression_format", "x", "Invalid value (must be either `plain` or `tar`)")]
    [InlineData("backup_compression_location", "x", "Invalid value (must be either `client` or `server`)")]
    [InlineData("create_slot", "x", "Invalid value (use 'manual' or 'auto')")]
    [InlineData("recovery_staging_path", "rel", "Invalid value : 'rel' (must be an absolute path)")]
    [InlineData("slot_name", "Bad-Name", "Replication slot names may only contain lower case letters, numbers, and the underscore character.")]
    [InlineData("parallel_jobs", "x", "invalid literal for int() with base 10: 'x'")]
    [InlineData("check_timeout", "1.5", "invalid literal for int() with base 10: '1.5'")]
    [InlineData("backup_options", "bogus", "Invalid configuration value 'bogus' for key backup_options in [pg] section: Unknown option")]
    [InlineData("backup_options", "exclusive_backup,concurrent_backup", "Invalid configuration value 'exclusive_backup' for key backup_options in [pg] section: cannot contain both 'exclusive_backup' and 'concurrent_backup'.Configuration directive ignored.")]
    [InlineData("recovery_options", "get-wal,x", "Invalid configuration value 'x' for key recovery_options in [pg] section: Unknown option")]
    public void Invalid_values_get_barmans_reason(string key, string value, string reason)
    {
        Assert.Equal(reason, Check(key, value));
    }

    [Theory]
    [InlineData("backup_method", "POSTGRES")]
    [InlineData("create_slot", "AUTO")]
    [InlineData("parallel_jobs", " 3 ")]
    [InlineData("parallel_jobs", "+4")]
    [InlineData("parallel_jobs", "1_0")]
    [InlineData("slot_name", "barman_1")]
    [InlineData("recovery_options", "get-wal")]
    [InlineData("backup_options", "concurrent_backup, external_configuration")]
    [InlineData("minimum_redundancy", "abc")] // checked later by the server, with a log-only warning
    [InlineData("retention_policy", "KEEP FOREVER")] // checked later by `check`
    [InlineData("compression", "foo")] // checked later by `check`
    public void Valid_or_later_checked_values_pass(string key, string value)
    {
        Assert.Null(Check(key, value));
    }
}
