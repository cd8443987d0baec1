// The effective configuration of one server: defaults, then [barman], then the server's own section.
using System.Collections.Immutable;
using System.Globalization;

namespace Barman.Core.Configuration;

/// <summary>
/// One server's resolved options. Values are the validated text of each option (null = not set);
/// typed accessors read them. <see cref="Messages"/> holds the configuration problems check reports.
/// </summary>
public sealed record ServerConfig(
    string Name,
    ImmutableSortedDictionary<string, string?> Values,
    bool Disabled,
    ImmutableArray<string> Messages,
    string ConfigFile)
{
    /// <summary>The raw text of an option, or null.</summary>
    public string? Get(string key) => Values.TryGetValue(key, out var v) ? v : null;

    private bool Bool(string key) => Get(key) is { } v && OptionParsers.TryParseBool(v, out var b) && b;

    private int Int(string key, int fallback = 0) =>
        int.TryParse(Get(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private string Path(string key) => Get(key) ?? throw new InvalidOperationException($"option {key} has no value");

    public string Description => Get("description") ?? string.Empty;

    public bool Active => Bool("active");

    public bool Archiver => Bool("archiver");

    public bool StreamingArchiver => Bool("streaming_archiver");

    public string? Conninfo => Get("conninfo");

    public string? StreamingConninfo => Get("streaming_conninfo");

    public string BackupMethod => (Get("backup_method") ?? "rsync").ToLowerInvariant();

    public string? SlotName => Get("slot_name");

    public string CreateSlot => (Get("create_slot") ?? "manual").ToLowerInvariant();

    public string? Compression => Get("compression") is { } c && !c.Equals("none", StringComparison.OrdinalIgnoreCase) ? c.ToLowerInvariant() : null;

    public int MinimumRedundancy => Int("minimum_redundancy");

    public int ParallelJobs => Math.Max(1, Int("parallel_jobs", 1));

    public int CheckTimeout => Int("check_timeout", 30);

    public bool ImmediateCheckpoint => Bool("immediate_checkpoint");

    public bool NetworkCompression => Bool("network_compression");

    public string? PathPrefix => Get("path_prefix");

    public RetentionPolicy? RetentionPolicy => Get("retention_policy") is { } p ? RetentionPolicy.TryParse(p) : null;

    public string BarmanHome => Path("barman_home");

    public string BackupDirectory => Path("backup_directory");

    public string BaseBackupsDirectory => Path("basebackups_directory");

    public string WalsDirectory => Path("wals_directory");

    public string IncomingWalsDirectory => Path("incoming_wals_directory");

    public string StreamingWalsDirectory => Path("streaming_wals_directory");

    public string ErrorsDirectory => Path("errors_directory");

    public string LockDirectory => Path("barman_lock_directory");

    public string StreamingArchiverName => Get("streaming_archiver_name") ?? "barman_receive_wal";

    public string StreamingBackupName => Get("streaming_backup_name") ?? "barman_streaming_backup";

    public long? LastBackupMinimumSize => Get("last_backup_minimum_size") is { } s && OptionParsers.TryParseSize(s, out var b) ? b : null;

    public TimeSpan? LastBackupMaximumAge => Get("last_backup_maximum_age") is { } s && OptionParsers.TryParseAge(s, out var a) ? a : null;

    public TimeSpan? LastWalMaximumAge => Get("last_wal_maximum_age") is { } s && OptionParsers.TryParseAge(s, out var a) ? a : null;

    public TimeSpan? RestoreTestMaximumAge => Get("restore_test_maximum_age") is { } s && OptionParsers.TryParseAge(s, out var a) ? a : null;

    public int? MaxIncomingWalsQueue => Get("max_incoming_wals_queue") is { } s && int.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : null;
}
