// What barman learns from the conninfo connection: version, privileges, settings, WAL position, slot, archiver stats.
using System.Collections.Immutable;

namespace Barman.Core.Postgres;

/// <summary>A physical replication slot as pg_replication_slots reports it.</summary>
public sealed record ReplicationSlotInfo(string SlotName, bool Active, string? RestartLsn);

/// <summary>The pg_stat_archiver row plus barman's two derived values (times are epoch seconds).</summary>
public sealed record ArchiverStats(
    long ArchivedCount,
    string? LastArchivedWal,
    double? LastArchivedTime,
    long FailedCount,
    string? LastFailedWal,
    double? LastFailedTime,
    double? StatsReset,
    bool IsArchiving,
    string? ArchivedWalsPerSecond);

/// <summary>
/// Facts from the conninfo connection. <see cref="ServerTxtVersion"/> is null when PostgreSQL could not be reached;
/// any single fact is null when its query failed (barman carries on the same way).
/// </summary>
public sealed record PostgresFacts(
    string? ServerTxtVersion,
    int? ServerVersion,
    bool? IsSuperuser,
    bool? HasBackupPrivileges,
    bool? IsInRecovery,
    string? CurrentLsn,
    string? CurrentXlog,
    string? CurrentSize,
    int? ArchiveTimeout,
    int? CheckpointTimeout,
    long? XlogSegmentSize,
    ImmutableSortedDictionary<string, string?> Settings,
    ImmutableSortedDictionary<string, string> ConfigurationFiles,
    ImmutableArray<string> IncludedFiles,
    ReplicationSlotInfo? ReplicationSlot,
    ImmutableArray<string> SynchronousStandbyNames,
    string? SystemId,
    string? ArchiveMode,
    string? ArchiveCommand,
    ArchiverStats? Archiver,
    int TablespaceCount,
    string? ConnectionError)
{
    /// <summary>The facts of a server that could not be reached.</summary>
    public static PostgresFacts Unreachable(string? error) => new(
        null, null, null, null, null, null, null, null, null, null, null,
        ImmutableSortedDictionary<string, string?>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal),
        [], null, [], null, null, null, null, 0, error);

    public bool Connected => ServerTxtVersion is not null;

    /// <summary>A setting read with SHOW, or null.</summary>
    public string? Setting(string name) => Settings.TryGetValue(name, out var v) ? v : null;

    /// <summary>Barman 3.4 supports PostgreSQL 10 and later.</summary>
    public bool? VersionSupported => ServerVersion is { } v ? v >= 100000 : null;
}

/// <summary>Facts from the streaming (replication) connection: IDENTIFY_SYSTEM.</summary>
public sealed record StreamingFacts(string? ServerTxtVersion, string? SystemId, int? Timeline, string? XlogPos, string? ConnectionError)
{
    public bool Connected => SystemId is not null;
}
