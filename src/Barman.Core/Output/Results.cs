// Typed results the query verbs hand to the output port.
using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Barman.Core.Output;

/// <summary>
/// One line of <c>barman check</c>: name, OK/FAILED and an optional hint. <paramref name="Details"/> are printed
/// below the line, indented by two tabs (barman's "configuration: FAILED" messages).
/// </summary>
public sealed record CheckLine(string Name, bool Ok, string Hint = "", ImmutableArray<string> Details = default)
{
    /// <summary>The JSON key: lower case, spaces and '-' as '_'.</summary>
    public string Key => Name.ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
}

/// <summary>All check lines of one server, plus the sizes Nagios reports as perfdata.</summary>
public sealed record CheckResult(
    string Server,
    bool Disabled,
    ImmutableArray<CheckLine> Lines,
    long BackupsSizeBytes,
    long WalsSizeBytes,
    bool Inactive = false)
{
    public bool Ok => Lines.All(l => l.Ok);
}

/// <summary>One row of <c>barman status</c>: JSON key, console label and value.</summary>
public sealed record StatusRow(string Key, string Description, string Message);

/// <summary>All status rows of one server.</summary>
public sealed record StatusResult(string Server, ImmutableArray<StatusRow> Rows);

/// <summary>
/// One server's show-servers table: each key with a typed value (JSON null, bool, number, string, list),
/// printed Python-style on the console and as-is in JSON. <paramref name="Description"/> is barman's header
/// suffix: "(inactive)" or "(WARNING: disabled)".
/// </summary>
public sealed record ShowServerResult(string Server, ImmutableArray<KeyValuePair<string, JsonNode?>> Values, string? Description = null);
