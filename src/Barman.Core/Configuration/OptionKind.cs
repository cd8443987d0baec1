// How an option's text is validated and how its value is shown by show-servers.
namespace Barman.Core.Configuration;

/// <summary>The value type of a configuration option.</summary>
public enum OptionKind
{
    /// <summary>Free text, shown as is.</summary>
    String,

    /// <summary>A filesystem path, shown as is.</summary>
    Path,

    /// <summary>on/off/true/false/yes/no/1/0 (any case), shown as True/False.</summary>
    Bool,

    /// <summary>A whole number, shown as a number.</summary>
    Int,

    /// <summary>One word out of <see cref="OptionSpec.Choices"/>.</summary>
    Choice,

    /// <summary><c>RECOVERY WINDOW OF N DAYS|WEEKS|MONTHS</c> or <c>REDUNDANCY N</c>.</summary>
    RetentionPolicy,

    /// <summary>A size such as <c>1 GiB</c>, <c>500 MB</c> or a plain byte count.</summary>
    Size,

    /// <summary>An age such as <c>1 DAYS</c>, <c>2 WEEKS</c>, <c>1 MONTHS</c>.</summary>
    Age,

    /// <summary>Comma separated backup options (concurrent_backup, exclusive_backup, external_configuration).</summary>
    BackupOptions,

    /// <summary>Comma separated recovery options (get-wal).</summary>
    RecoveryOptions,
}

/// <summary>Where an option may be written.</summary>
public enum OptionScope
{
    /// <summary>Only in <c>[barman]</c>.</summary>
    Global,

    /// <summary>Only in a server section.</summary>
    Server,

    /// <summary>In <c>[barman]</c> as a default, overridden by a server section.</summary>
    Both,
}
