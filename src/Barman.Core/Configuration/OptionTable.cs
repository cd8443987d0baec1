// Every configuration option barman knows, declared once; parsing, validation, show-servers and docs read this table.
using System.Collections.Immutable;

namespace Barman.Core.Configuration;

/// <summary>The single table of configuration options (names, scopes, kinds and defaults of Barman 3.4).</summary>
public static class OptionTable
{
    private static OptionSpec G(string name, OptionKind kind, string? def, string desc) => new(name, OptionScope.Global, kind, def, desc);

    private static OptionSpec S(string name, OptionKind kind, string? def, string desc) => new(name, OptionScope.Server, kind, def, desc);

    private static OptionSpec B(string name, OptionKind kind, string? def, string desc) => new(name, OptionScope.Both, kind, def, desc);

    private static OptionSpec C(string name, OptionScope scope, string? def, string desc, params string[] choices) =>
        new(name, scope, OptionKind.Choice, def, desc, [.. choices]);

    private static OptionSpec Script(string name) =>
        B(name, OptionKind.String, null, "Hook script run by barman (BARMAN_* variables in its environment)");

    /// <summary>All options, in alphabetical order.</summary>
    public static ImmutableArray<OptionSpec> All { get; } = Build();

    /// <summary>Options by name.</summary>
    public static IReadOnlyDictionary<string, OptionSpec> ByName { get; } = All.ToDictionary(o => o.Name, StringComparer.Ordinal);

    private static ImmutableArray<OptionSpec> Build()
    {
        List<OptionSpec> options =
        [
            S("active", OptionKind.Bool, "true", "When false the server is ignored by cron and backup"),
            B("archiver", OptionKind.Bool, "false", "Archive WAL files that PostgreSQL's archive_command drops into incoming"),
            B("archiver_batch_size", OptionKind.Int, "0", "Maximum WAL files archived by one archive-wal run (0 = no limit)"),
            C("backup_compression", OptionScope.Both, null, "Compression pg_basebackup applies to backups", "gzip", "lz4", "zstd"),
            C("backup_compression_format", OptionScope.Both, null, "Format of compressed backups", "plain", "tar"),
            B("backup_compression_level", OptionKind.Int, null, "Compression level of backup_compression"),
            C("backup_compression_location", OptionScope.Both, null, "Where pg_basebackup compresses", "client", "server"),
            B("backup_compression_workers", OptionKind.Int, null, "Compression threads (zstd)"),
            S("backup_directory", OptionKind.Path, "%(barman_home)s/%(name)s", "Directory holding the server's catalog"),
            C("backup_method", OptionScope.Both, "rsync", "How base backups are taken", "rsync", "postgres", "local-rsync", "snapshot"),
            B("backup_options", OptionKind.BackupOptions, null, "concurrent_backup, exclusive_backup, external_configuration"),
            B("bandwidth_limit", OptionKind.Int, null, "Bandwidth limit in KBPS for copies"),
            G("barman_home", OptionKind.Path, "/var/lib/barman", "Main data directory"),
            B("barman_lock_directory", OptionKind.Path, "%(barman_home)s", "Directory of the lock files"),
            G("barman_user", OptionKind.String, "barman", "The OS user barman runs as"),
            B("basebackup_retry_sleep", OptionKind.Int, "30", "Seconds between two tries of a failed base backup copy"),
            B("basebackup_retry_times", OptionKind.Int, "0", "Retries of a failed base backup copy"),
            S("basebackups_directory", OptionKind.Path, "%(backup_directory)s/base", "Directory of the base backups"),
            B("check_timeout", OptionKind.Int, "30", "Seconds a single check may take"),
            // Checked by `check` (compression settings), not at load time, as barman does.
            B("compression", OptionKind.String, null, "Compression of archived WAL: gzip, bzip2, pigz, pygzip, pybzip2, custom, zstd, lz4"),
            G("configuration_files_directory", OptionKind.Path, null, "Directory whose *.conf files are read as well"),
            S("conninfo", OptionKind.String, null, "libpq connection string to the PostgreSQL server"),
            C("create_slot", OptionScope.Both, "manual", "Whether receive-wal creates its replication slot", "auto", "manual"),
            B("custom_compression_filter", OptionKind.String, null, "Command compressing WAL (compression = custom)"),
            B("custom_compression_magic", OptionKind.String, null, "Magic bytes of the custom compression"),
            B("custom_decompression_filter", OptionKind.String, null, "Command decompressing WAL (compression = custom)"),
            S("description", OptionKind.String, null, "A human readable description of the server"),
            S("errors_directory", OptionKind.Path, "%(backup_directory)s/errors", "Where unusable WAL files are moved"),
            B("forward_config_path", OptionKind.Bool, "false", "Pass -c to the barman get-wal of the recovered server"),
            B("immediate_checkpoint", OptionKind.Bool, "false", "Ask PostgreSQL for an immediate checkpoint at backup start"),
            S("incoming_wals_directory", OptionKind.Path, "%(backup_directory)s/incoming", "Where archive_command drops WAL files"),
            B("last_backup_maximum_age", OptionKind.Age, null, "check fails when the newest backup is older than this"),
            B("last_backup_minimum_size", OptionKind.Size, null, "check fails when the newest backup is smaller than this"),
            B("last_wal_maximum_age", OptionKind.Age, null, "check fails when the newest WAL is older than this"),
            G("log_file", OptionKind.Path, "/var/log/barman/barman.log", "Log file"),
            G("log_format", OptionKind.String, "%(asctime)s [%(process)s] %(name)s %(levelname)s: %(message)s", "Log line format"),
            G("log_level", OptionKind.String, "INFO", "Log level: DEBUG, INFO, WARNING, ERROR or CRITICAL"),
            B("max_incoming_wals_queue", OptionKind.Int, null, "check fails when incoming holds more files than this"),
            B("minimum_redundancy", OptionKind.Int, "0", "Backups that are never deleted"),
            B("network_compression", OptionKind.Bool, "false", "Compress network transfers"),
            B("parallel_jobs", OptionKind.Int, "1", "Workers for copies and WAL compression"),
            B("path_prefix", OptionKind.String, null, "Directories searched first for PostgreSQL client programs"),
            Script("post_archive_retry_script"),
            Script("post_archive_script"),
            Script("post_backup_retry_script"),
            Script("post_backup_script"),
            Script("post_delete_retry_script"),
            Script("post_delete_script"),
            Script("post_recovery_retry_script"),
            Script("post_recovery_script"),
            Script("post_wal_delete_retry_script"),
            Script("post_wal_delete_script"),
            Script("pre_archive_retry_script"),
            Script("pre_archive_script"),
            Script("pre_backup_retry_script"),
            Script("pre_backup_script"),
            Script("pre_delete_retry_script"),
            Script("pre_delete_script"),
            Script("pre_recovery_retry_script"),
            Script("pre_recovery_script"),
            Script("pre_wal_delete_retry_script"),
            Script("pre_wal_delete_script"),
            B("primary_checkpoint_timeout", OptionKind.Int, "0", "Seconds to wait for a checkpoint on the primary (standby backups)"),
            S("primary_conninfo", OptionKind.String, null, "Connection to the primary when backing up a standby"),
            S("primary_ssh_command", OptionKind.String, null, "SSH command to the primary (passive node)"),
            B("recovery_options", OptionKind.RecoveryOptions, null, "Recovery options (get-wal)"),
            B("recovery_staging_path", OptionKind.Path, null, "Staging directory for compressed backups during recovery"),
            B("restore_test_maximum_age", OptionKind.Age, null, "check fails when the last restore test is older than this (extension)"),
            B("retention_policy", OptionKind.RetentionPolicy, null, "REDUNDANCY N or RECOVERY WINDOW OF N DAYS|WEEKS|MONTHS"),
            B("retention_policy_mode", OptionKind.String, "auto", "Only auto is supported"),
            C("reuse_backup", OptionScope.Both, null, "Incremental copy mode (rsync method)", "off", "copy", "link"),
            S("slot_name", OptionKind.String, null, "Replication slot used by receive-wal"),
            B("snapshot_disks", OptionKind.String, null, "Disks of a snapshot backup"),
            B("snapshot_gcp_project", OptionKind.String, null, "GCP project of a snapshot backup"),
            B("snapshot_instance", OptionKind.String, null, "Instance of a snapshot backup"),
            B("snapshot_provider", OptionKind.String, null, "Provider of a snapshot backup"),
            B("snapshot_zone", OptionKind.String, null, "Zone of a snapshot backup"),
            S("ssh_command", OptionKind.String, null, "SSH command to the PostgreSQL host (rsync method)"),
            B("streaming_archiver", OptionKind.Bool, "false", "Stream WAL with pg_receivewal"),
            B("streaming_archiver_batch_size", OptionKind.Int, "0", "Maximum streamed WAL files archived per run (0 = no limit)"),
            B("streaming_archiver_name", OptionKind.String, "barman_receive_wal", "application_name of pg_receivewal"),
            B("streaming_backup_name", OptionKind.String, "barman_streaming_backup", "application_name of pg_basebackup"),
            S("streaming_conninfo", OptionKind.String, "%(conninfo)s", "libpq connection string for replication connections"),
            S("streaming_wals_directory", OptionKind.Path, "%(backup_directory)s/streaming", "Where pg_receivewal writes"),
            B("tablespace_bandwidth_limit", OptionKind.String, null, "Per tablespace bandwidth limits"),
            B("wal_retention_policy", OptionKind.String, "main", "WAL retention (only main)"),
            S("wals_directory", OptionKind.Path, "%(backup_directory)s/wals", "The WAL archive"),
        ];
        return [.. options.OrderBy(o => o.Name, StringComparer.Ordinal)];
    }
}
