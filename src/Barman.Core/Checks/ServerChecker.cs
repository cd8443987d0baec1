// The check engine: runs barman's checks for one server in the reference order and returns a CheckResult.
using Barman.Core.Configuration;
using Barman.Core.Logging;
using Barman.Core.Output;
using Barman.Core.Processes;
using Barman.Core.Servers;

namespace Barman.Core.Checks;

/// <summary>
/// <c>barman check</c> as a reusable call. The backup verb runs it with <see cref="NonCriticalChecks"/> ignored and
/// refuses to start when a remaining check fails (e.g. <c>WAL archive</c>, <c>PostgreSQL</c>).
/// </summary>
public static class ServerChecker
{
    /// <summary>Checks whose failure does not stop a backup (barman's CheckStrategy default ignore list).</summary>
    public static IReadOnlySet<string> NonCriticalChecks { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "minimum redundancy requirements", "backup maximum age", "backup minimum size", "failed backups", "archiver errors",
        "empty incoming directory", "empty streaming directory", "incoming WALs directory", "streaming WALs directory",
        "wal maximum age",
    };

    /// <summary>
    /// Runs every check. <paramref name="ignoredChecks"/> only changes how failures are logged (the result keeps them).
    /// The whole run is bounded by check_timeout, as in barman (a timeout adds a failed <c>check timeout</c> line).
    /// </summary>
    public static async Task<CheckResult> RunAsync(
        ServerConfig server,
        IProcessRunner runner,
        TimeProvider clock,
        CancellationToken ct,
        IReadOnlySet<string>? ignoredChecks = null)
    {
        var checks = new CheckCollector(server.Name, ignoredChecks ?? new HashSet<string>());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (server.CheckTimeout > 0)
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(server.CheckTimeout));
        }
        try
        {
            server = await RunChecksAsync(server, runner, clock, checks, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            BarmanLog.For("barman.server").DebugLine($"Check command timed out executing '{checks.Running}' check");
            checks.Result("check timeout", false, "barman check command timed out");
        }
        return new CheckResult(server.Name, server.Disabled, checks.Lines, checks.BackupSize, checks.WalSize, !server.Active);
    }

    /// <summary>True when the result lets a backup start: no failed check outside <see cref="NonCriticalChecks"/>.</summary>
    public static bool AllowsBackup(CheckResult result) => result.Lines.All(l => l.Ok || NonCriticalChecks.Contains(l.Name));

    /// <summary>Runs the checks; returns the server as the remote status left it (disabled by invalid settings).</summary>
    private static async Task<ServerConfig> RunChecksAsync(ServerConfig server, IProcessRunner runner, TimeProvider clock, CheckCollector checks, CancellationToken ct)
    {
        var catalog = new CatalogFacts(server);
        CatalogChecks.WalArchive(server, catalog, checks);
        var probe = await ServerProbe.FetchAsync(server, runner, ct);
        server = RemoteConfigValidation.Apply(server, probe.Postgres?.ServerVersion, probe.PgBaseBackup?.FullVersion);
        var passive = server.Get("primary_ssh_command") is not null;
        if (!passive)
        {
            PostgresChecks.Postgres(server, probe, checks);
        }
        DirectoryCheck.Run(server, checks);
        CatalogChecks.Retention(server, checks);
        CatalogChecks.BackupValidity(server, catalog, clock, checks);
        CatalogChecks.WalValidity(server, catalog, clock, checks);
        CatalogChecks.BackupManager(server, catalog, checks);
        ToolChecks.BackupExecutor(server, probe, checks);
        if (server.Messages.Length > 0)
        {
            checks.Start("configuration");
            checks.Result("configuration", false, details: server.Messages);
        }
        PostgresChecks.Identity(probe, catalog, checks);
        // The reference prints the streaming archiver's checks before the file archiver's.
        if (server.StreamingArchiver)
        {
            ToolChecks.StreamingArchiver(server, probe, checks);
        }
        if (server.Archiver)
        {
            ToolChecks.FileArchiver(probe, checks);
        }
        CatalogChecks.ArchiverErrors(catalog, checks);
        return server;
    }
}
