// The console writer: results and info lines on stdout, ERROR:/WARNING: on stderr, as barman prints them.
using System.Text.Json;
using System.Text.Json.Nodes;
using Barman.Core.Output;

namespace Barman.Cli.Output;

/// <summary>Writes barman's console format.</summary>
internal sealed class ConsoleOutput(TextWriter stdout, TextWriter stderr, bool quiet, bool debug) : IOutput
{
    public bool HasErrors { get; private set; }

    public void Info(string message)
    {
        if (!quiet)
        {
            stdout.WriteLine(message);
        }
    }

    public void Warning(string message) => stderr.WriteLine("WARNING: " + message);

    public void Error(string message)
    {
        HasErrors = true;
        stderr.WriteLine("ERROR: " + message);
    }

    public void Debug(string message)
    {
        if (debug)
        {
            stderr.WriteLine("DEBUG: " + message);
        }
    }

    /// <summary>"name - description", or the bare name when the description (with its status suffixes) is empty.</summary>
    public void ResultListServer(string serverName, string description, bool disabled) =>
        stdout.WriteLine(description.Length == 0 ? serverName : $"{serverName} - {description}");

    public void ResultCheck(CheckResult result)
    {
        // check prints even with -q? barman's -q silences it; the exit code still tells.
        if (quiet)
        {
            return;
        }
        stdout.WriteLine($"Server {result.Server}{(result.Disabled ? " (WARNING: disabled)" : string.Empty)}:");
        foreach (var line in result.Lines)
        {
            var status = line.Ok ? "OK" : "FAILED";
            var hint = line.Hint.Length == 0 ? string.Empty
                : line.Hint.StartsWith('\n') ? line.Hint.Replace("\n", "\n\t\t", StringComparison.Ordinal)
                : $" ({line.Hint})";
            stdout.WriteLine($"\t{line.Name}: {status}{hint}");
        }
    }

    public void ResultStatus(StatusResult result)
    {
        stdout.WriteLine($"Server {result.Server}:");
        foreach (var row in result.Rows)
        {
            stdout.WriteLine($"\t{row.Description}: {row.Message}");
        }
    }

    public void ResultShowServer(ShowServerResult result)
    {
        stdout.WriteLine($"Server {result.Server}:");
        foreach (var (key, value) in result.Values)
        {
            stdout.WriteLine($"\t{key}: {PythonRepr(value, topLevel: true)}");
        }
    }

    public void ResultDocument(string key, JsonNode? value) => stdout.WriteLine(value is JsonValue v && v.GetValueKind() == JsonValueKind.String
        ? v.GetValue<string>()
        : PythonJson.Serialize(value));

    public void Close() => stdout.Flush();

    /// <summary>How Python prints a value: str() at top level, repr() inside lists.</summary>
    internal static string PythonRepr(JsonNode? value, bool topLevel) => value switch
    {
        null => "None",
        JsonArray a => "[" + string.Join(", ", a.Select(x => PythonRepr(x, topLevel: false))) + "]",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            JsonValueKind.String => topLevel ? v.GetValue<string>() : "'" + v.GetValue<string>() + "'",
            _ => PythonJson.Serialize(v),
        },
        _ => PythonJson.Serialize(value),
    };
}
