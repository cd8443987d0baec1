// The console writer: results and info lines on stdout, ERROR:/WARNING: on stderr, as barman prints them.
using System.Text.Json;
using System.Text.Json.Nodes;
using Barman.Core.Output;

namespace Barman.Cli.Output;

/// <summary>Writes barman's console format.</summary>
internal sealed class ConsoleOutput(TextWriter stdout, TextWriter stderr, bool quiet, bool debug) : IOutput
{
    public bool HasErrors { get; private set; }

    // Progress lines are flushed at once (and stdout before any stderr line) so that `2>&1` keeps barman's order;
    // bulk results stay buffered until Close, which saves a write per line on large catalogs.
    public void Info(string message)
    {
        if (!quiet)
        {
            stdout.WriteLine(message);
            stdout.Flush();
        }
    }

    public void Warning(string message)
    {
        stdout.Flush();
        stderr.WriteLine("WARNING: " + message);
    }

    public void Error(string message)
    {
        HasErrors = true;
        stdout.Flush();
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
        var suffix = result.Inactive ? " (inactive)" : result.Disabled ? " (WARNING: disabled)" : string.Empty;
        stdout.WriteLine($"Server {result.Server}{suffix}:");
        foreach (var line in result.Lines)
        {
            var status = line.Ok ? "OK" : "FAILED";
            var hint = line.Hint.Length == 0 ? string.Empty : $" ({line.Hint})";
            stdout.WriteLine($"\t{line.Name}: {status}{hint}");
            foreach (var detail in line.Details.IsDefault ? [] : line.Details)
            {
                stdout.WriteLine("\t\t" + detail);
            }
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
        stdout.WriteLine($"Server {result.Server}{(result.Description is null ? string.Empty : " " + result.Description)}:");
        foreach (var (key, value) in result.Values)
        {
            stdout.WriteLine($"\t{key}: {PythonRepr(value, topLevel: true)}");
        }
    }

    public void ResultListBackup(ListBackupResult result)
    {
        if (quiet)
        {
            return;
        }
        foreach (var row in result.Rows)
        {
            stdout.WriteLine(result.Minimal ? row.Info.BackupId : BackupRendering.ListLine(row));
        }
    }

    public void ResultShowBackup(ShowBackupResult result)
    {
        foreach (var line in BackupRendering.ShowLines(result))
        {
            Info(line);
        }
    }

    public void ResultDocument(string key, JsonNode? value) => stdout.WriteLine(value is JsonValue v && v.GetValueKind() == JsonValueKind.String
        ? v.GetValue<string>()
        : PythonJson.Serialize(value));

    public void Close() => stdout.Flush();

    /// <summary>Python's repr() of a str: single quotes, or double quotes when the text has a ' but no ".</summary>
    internal static string PythonStringRepr(string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var body = s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal);
        if (quote == '\'')
        {
            body = body.Replace("'", "\\'", StringComparison.Ordinal);
        }
        return quote + body + quote;
    }

    /// <summary>How Python prints a value: str() at top level, repr() inside lists.</summary>
    internal static string PythonRepr(JsonNode? value, bool topLevel) => value switch
    {
        null => "None",
        JsonArray a => "[" + string.Join(", ", a.Select(x => PythonRepr(x, topLevel: false))) + "]",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            JsonValueKind.String => topLevel ? v.GetValue<string>() : PythonStringRepr(v.GetValue<string>()),
            _ => PythonJson.Serialize(v),
        },
        _ => PythonJson.Serialize(value),
    };
}
