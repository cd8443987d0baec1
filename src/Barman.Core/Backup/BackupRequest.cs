// What `barman backup` was asked to do for one server.
namespace Barman.Core.Backup;

/// <summary>Options of one backup run (the CLI validates the name before building it).</summary>
public sealed record BackupRequest(string? Name, bool? ImmediateCheckpoint, bool Wait, int? WaitTimeoutSeconds, int? BandwidthLimitKbps);
