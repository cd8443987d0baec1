// The output port: Core reports here, the CLI decides whether it becomes console text, JSON or Nagios.
using System.Text.Json.Nodes;

namespace Barman.Core.Output;

/// <summary>
/// Where Core reports progress and results. Verbs that print as they go call <see cref="Info"/> while
/// they run; query verbs pass a typed result to one of the Result methods.
/// </summary>
public interface IOutput
{
    /// <summary>A normal line (stdout on the console, <c>_INFO</c> in JSON).</summary>
    void Info(string message);

    /// <summary>A warning (stderr <c>WARNING: </c>, <c>_WARNING</c> in JSON).</summary>
    void Warning(string message);

    /// <summary>An error (stderr <c>ERROR: </c>, <c>_ERROR</c> in JSON); marks the run as failed.</summary>
    void Error(string message);

    /// <summary>A debug line, shown only with <c>-d</c>.</summary>
    void Debug(string message);

    /// <summary>True once <see cref="Error"/> was called.</summary>
    bool HasErrors { get; }

    /// <summary>One server's configured description (list-servers).</summary>
    void ResultListServer(string serverName, string description, bool disabled);

    /// <summary>One server's check results (check).</summary>
    void ResultCheck(CheckResult result);

    /// <summary>One server's status rows (status).</summary>
    void ResultStatus(StatusResult result);

    /// <summary>One server's show-servers key/value table.</summary>
    void ResultShowServer(ShowServerResult result);

    /// <summary>All list-backup lines of one server (list-backup).</summary>
    void ResultListBackup(ListBackupResult result);

    /// <summary>One backup's details (show-backup).</summary>
    void ResultShowBackup(ShowBackupResult result);

    /// <summary>A free-form JSON document keyed by server or section (diagnose, replication-status json).</summary>
    void ResultDocument(string key, JsonNode? value);

    /// <summary>Ends the run: the JSON writer prints its document here.</summary>
    void Close();
}
