// The rows of `barman status`: configuration, PostgreSQL state, file archiver stats, retention and catalog summary.
using System.Collections.Immutable;
using System.Globalization;
using Barman.Core.Checks;
using Barman.Core.Configuration;
using Barman.Core.Formatting;
using Barman.Core.Output;
using Barman.Core.Processes;

namespace Barman.Core.Servers;

/// <summary>Builds a server's status rows with barman's keys, labels and value formats.</summary>
public static class StatusReport
{
    public static async Task<StatusResult> BuildAsync(ServerConfig server, IProcessRunner runner, CancellationToken ct)
    {
        var passive = server.Get("primary_ssh_command") is not null;
        var probe = passive ? null : await ServerProbe.FetchAsync(server, runner, ct);
        return Build(server, probe, new CatalogFacts(server));
    }

    /// <summary>Pure part: the rows for already gathered facts (null probe = passive node).</summary>
    public static StatusResult Build(ServerConfig server, ServerProbe? probe, CatalogFacts catalog)
    {
        var rows = ImmutableArray.CreateBuilder<StatusRow>();
        void Row(string key, string label, string value) => rows.Add(new StatusRow(key, label, value));

        if (server.Description.Length > 0)
        {
            Row("description", "Description", server.Description);
        }
        Row("active", "Active", PyBool(server.Active));
        Row("disabled", "Disabled", PyBool(server.Disabled));
        if (probe is not null)
        {
            PostgresRows(probe, Row);
            if (server.Archiver)
            {
                ArchiverRows(probe, Row);
            }
        }
        Row("passive_node", "Passive node", PyBool(probe is null));
        Row("retention_policies", "Retention policies", server.RetentionPolicy is { } policy
            ? $"enforced (mode: {server.Get("retention_policy_mode") ?? "auto"}, retention: {policy}, WAL retention: {(server.Get("wal_retention_policy") ?? "main").ToUpperInvariant()})"
            : "not enforced");
        var done = catalog.WithStatus(BackupFacts.Done);
        Row("backups_number", "No. of available backups", done.Length.ToString(CultureInfo.InvariantCulture));
        Row("first_backup", "First available backup", done.FirstOrDefault()?.Id ?? "None");
        Row("last_backup", "Last available backup", done.LastOrDefault()?.Id ?? "None");
        var counts = string.Create(CultureInfo.InvariantCulture, $"({done.Length}/{server.MinimumRedundancy})");
        Row("minimum_redundancy", "Minimum redundancy requirements", done.Length < server.MinimumRedundancy ? "FAILED " + counts : "satisfied " + counts);
        return new StatusResult(server.Name, rows.ToImmutable());
    }

    private static void PostgresRows(ServerProbe probe, Action<string, string, string> row)
    {
        var pg = probe.Postgres;
        if (pg is not { Connected: true })
        {
            row("pg_version", "PostgreSQL version", "FAILED trying to get PostgreSQL version");
            return;
        }
        row("pg_version", "PostgreSQL version", pg.ServerTxtVersion!);
        row("is_in_recovery", "Cluster state", pg.IsInRecovery == true ? "in archive recovery" : "in production");
        if (pg.CurrentSize is { } size && double.TryParse(size, NumberStyles.Float, CultureInfo.InvariantCulture, out var bytes))
        {
            row("current_size", "Current data size", HumanFormat.Size(bytes));
        }
        if (pg.Setting("data_directory") is { Length: > 0 } dataDirectory)
        {
            row("data_directory", "PostgreSQL Data directory", dataDirectory);
        }
        if (pg.CurrentXlog is { Length: > 0 } xlog)
        {
            row("current_xlog", "Current WAL segment", xlog);
        }
    }

    private static void ArchiverRows(ServerProbe probe, Action<string, string, string> row)
    {
        var pg = probe.Postgres;
        if (pg?.ArchiveMode is null)
        {
            return;
        }
        row("archive_command", "PostgreSQL 'archive_command' setting",
            pg.ArchiveCommand is { Length: > 0 } command ? command : "FAILED (please set it accordingly to documentation)");
        var stats = pg.Archiver;
        var lastWal = stats?.LastArchivedWal;
        if (lastWal is not null && stats!.LastArchivedTime is { } at)
        {
            lastWal += ", at " + HumanFormat.CTime(LocalTime(at));
        }
        row("last_archived_wal", "Last archived WAL", lastWal ?? "No WAL segment shipped yet");
        if (stats is not null)
        {
            var failures = stats.FailedCount.ToString(CultureInfo.InvariantCulture);
            if (stats.FailedCount > 0)
            {
                failures += $" ({stats.LastFailedWal} at {(stats.LastFailedTime is { } t ? HumanFormat.CTime(LocalTime(t)) : "None")})";
            }
            row("failed_count", "Failures of WAL archiver", failures);
            if (double.TryParse(stats.ArchivedWalsPerSecond, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate != 0)
            {
                row("server_archived_wals_per_hour", "Server WAL archiving rate",
                    (3600 * rate).ToString("0.00", CultureInfo.InvariantCulture) + "/hour");
            }
        }
    }

    /// <summary>An epoch time as local wall-clock time (barman prints the server's times in the local zone).</summary>
    internal static DateTime LocalTime(double epochSeconds) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(epochSeconds * 1000)), TimeZoneInfo.Local).DateTime;

    internal static string PyBool(bool value) => value ? "True" : "False";
}
