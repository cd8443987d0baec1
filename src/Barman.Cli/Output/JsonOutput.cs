// The JSON writer: collects everything and prints one sorted-key object at Close(), with no trailing newline.
using System.Text.Json.Nodes;
using Barman.Core.Output;

namespace Barman.Cli.Output;

/// <summary>Barman's <c>-f json</c> format.</summary>
internal sealed class JsonOutput(TextWriter stdout) : IOutput
{
    private readonly JsonObject _document = [];
    private readonly JsonArray _info = [];
    private readonly JsonArray _warning = [];
    private readonly JsonArray _error = [];

    public bool HasErrors => _error.Count > 0;

    public void Info(string message) => _info.Add((JsonNode?)JsonValue.Create(message));

    public void Warning(string message) => _warning.Add((JsonNode?)JsonValue.Create(message));

    public void Error(string message) => _error.Add((JsonNode?)JsonValue.Create(message));

    public void Debug(string message)
    {
    }

    public void ResultListServer(string serverName, string description, bool disabled) =>
        _document[serverName] = new JsonObject { ["description"] = description };

    public void ResultCheck(CheckResult result)
    {
        var checks = new JsonObject();
        foreach (var line in result.Lines)
        {
            checks[line.Key] = new JsonObject { ["hint"] = line.Hint, ["status"] = line.Ok ? "OK" : "FAILED" };
            // barman prints configuration messages as info lines, which JSON collects in _INFO.
            foreach (var detail in line.Details.IsDefault ? [] : line.Details)
            {
                Info("\t\t" + detail);
            }
        }
        _document[result.Server] = checks;
    }

    public void ResultStatus(StatusResult result)
    {
        var rows = new JsonObject();
        foreach (var row in result.Rows)
        {
            rows[row.Key] = new JsonObject { ["description"] = row.Description, ["message"] = row.Message };
        }
        _document[result.Server] = rows;
    }

    public void ResultShowServer(ShowServerResult result)
    {
        var values = new JsonObject();
        foreach (var (key, value) in result.Values)
        {
            values[key] = value?.DeepClone();
        }
        _document[result.Server] = values;
    }

    public void ResultListBackup(ListBackupResult result) =>
        _document[result.Server] = new JsonArray([.. result.Rows.Select(r => result.Minimal ? JsonValue.Create(r.Info.BackupId) : BackupRendering.ListJson(r))]);

    public void ResultShowBackup(ShowBackupResult result) => _document[result.Server] = BackupRendering.ShowJson(result);

    public void ResultDocument(string key, JsonNode? value) => _document[key] = value?.DeepClone();

    public void Close()
    {
        if (_info.Count > 0)
        {
            _document["_INFO"] = _info;
        }
        if (_warning.Count > 0)
        {
            _document["_WARNING"] = _warning;
        }
        if (_error.Count > 0)
        {
            _document["_ERROR"] = _error;
        }
        stdout.Write(PythonJson.Serialize(_document));
        stdout.Flush();
    }
}
