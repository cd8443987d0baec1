// What `barman backup` was asked to do for one server.
namespace Barman.Core.Backup;

/// <summary>Options of one backup run (the CLI validates the name before building it).</summary>
/// <param name="Progress">
/// Set only when stdout is a terminal (not -q, not -f json): pg_basebackup then runs with --progress and each of its
/// reports comes here, then one with Finished = true before "Copy done". Null keeps the argv and output byte-equal
/// to barman's.
/// </param>
public sealed record BackupRequest(string? Name, bool? ImmediateCheckpoint, bool Wait, int? WaitTimeoutSeconds, int? BandwidthLimitKbps,
    IProgress<CopyProgress>? Progress = null);
