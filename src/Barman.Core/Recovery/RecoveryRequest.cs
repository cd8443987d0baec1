// What the operator asked recover to do, once the CLI has parsed it.
namespace Barman.Core.Recovery;

/// <param name="Destination">Directory to create or overwrite (as typed: barman prints it unchanged).</param>
/// <param name="Target">Recovery target options.</param>
/// <param name="StandbyMode">Write standby.signal instead of recovery.signal.</param>
/// <param name="GetWal">When set, PostgreSQL fetches WAL with <c>barman get-wal</c> and none is copied.</param>
/// <param name="TablespaceRules"><c>NAME:LOCATION</c> relocation rules.</param>
/// <param name="Jobs">Files copied at the same time.</param>
/// <param name="ProtectedDirectories">barman_home and every backup directory: never a destination.</param>
/// <param name="Remote">Set for <c>--remote-ssh-command</c>: the destination is on that host.</param>
/// <param name="BandwidthLimit">rsync --bwlimit in KB/s for remote copies (null or 0 = none).</param>
/// <param name="StagingPath">recovery_staging_path (absolute): where a compressed backup is staged; required for one.</param>
/// <param name="Progress">Bytes copied so far, for a progress display (called from copying threads).</param>
public sealed record RecoveryRequest(
    string Destination,
    RecoveryTarget Target,
    bool StandbyMode,
    GetWalRestore? GetWal,
    IReadOnlyList<string> TablespaceRules,
    int Jobs,
    IReadOnlyList<string> ProtectedDirectories,
    RemoteShell? Remote = null,
    int? BandwidthLimit = null,
    string? StagingPath = null,
    Action<long>? Progress = null);
