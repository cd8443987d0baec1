// The order in which barman 3.4 reads a server's options (ServerConfig.KEYS): its warnings come out in this order.

namespace Barman.Core.Configuration;

internal static class ServerKeyOrder
{
    private static readonly string[] Keys =
    [
        "active", "archiver", "archiver_batch_size", "backup_compression", "backup_compression_format",
        "backup_compression_level", "backup_compression_location", "backup_compression_workers", "backup_directory",
        "backup_method", "backup_options", "bandwidth_limit", "basebackup_retry_sleep", "basebackup_retry_times",
        "basebackups_directory", "check_timeout", "compression", "conninfo", "custom_compression_filter",
        "custom_decompression_filter", "custom_compression_magic", "description", "disabled", "errors_directory",
        "forward_config_path", "immediate_checkpoint", "incoming_wals_directory", "last_backup_maximum_age",
        "last_backup_minimum_size", "last_wal_maximum_age", "max_incoming_wals_queue", "minimum_redundancy",
        "network_compression", "parallel_jobs", "path_prefix", "post_archive_retry_script", "post_archive_script",
        "post_backup_retry_script", "post_backup_script", "post_delete_script", "post_delete_retry_script",
        "post_recovery_retry_script", "post_recovery_script", "post_wal_delete_script", "post_wal_delete_retry_script",
        "pre_archive_retry_script", "pre_archive_script", "pre_backup_retry_script", "pre_backup_script", "pre_delete_script",
        "pre_delete_retry_script", "pre_recovery_retry_script", "pre_recovery_script", "pre_wal_delete_script",
        "pre_wal_delete_retry_script", "primary_conninfo", "primary_ssh_command", "recovery_options", "recovery_staging_path",
        "create_slot", "retention_policy", "retention_policy_mode", "reuse_backup", "slot_name", "snapshot_disks",
        "snapshot_gcp_project", "snapshot_instance", "snapshot_provider", "snapshot_zone", "ssh_command", "streaming_archiver",
        "streaming_archiver_batch_size", "streaming_archiver_name", "streaming_backup_name", "streaming_conninfo",
        "streaming_wals_directory", "tablespace_bandwidth_limit", "wal_retention_policy", "wals_directory",
    ];

    private static readonly Dictionary<string, int> Position =
        Keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);

    /// <summary>The rank of an option; options barman does not know (our extensions) come last, by name.</summary>
    public static int Of(string name) => Position.TryGetValue(name, out var i) ? i : Keys.Length;
}
