// An IOutput that records lines as the console would print them, for asserting exact output.
using System.Text.Json.Nodes;
using Barman.Core.Output;

namespace Barman.Core.Tests.Wal;

internal sealed class RecordingOutput : IOutput
{
    public List<string> Lines { get; } = [];

    public List<string> Errors { get; } = [];

    public bool HasErrors => Errors.Count > 0;

    public string Text => string.Concat(Lines.Select(l => l + "\n"));

    public void Info(string message) => Lines.Add(message);

    public void Warning(string message) => Errors.Add("WARNING: " + message);

    public void Error(string message) => Errors.Add("ERROR: " + message);

    public void Debug(string message)
    {
    }

    public void ResultListServer(string serverName, string description, bool disabled) => throw new NotSupportedException();

    public void ResultCheck(CheckResult result) => throw new NotSupportedException();

    public void ResultStatus(StatusResult result) => throw new NotSupportedException();

    public void ResultShowServer(ShowServerResult result) => throw new NotSupportedException();

    public void ResultListBackup(ListBackupResult result) => throw new NotSupportedException();

    public void ResultShowBackup(ShowBackupResult result) => throw new NotSupportedException();

    public void ResultDocument(string key, JsonNode? value) => throw new NotSupportedException();

    public void Close()
    {
    }
}
