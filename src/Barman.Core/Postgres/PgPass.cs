// Password lookup in a libpq password file (~/.pgpass or PGPASSFILE), with libpq's matching and permission rules.
namespace Barman.Core.Postgres;

/// <summary>
/// Reads <c>hostname:port:database:username:password</c> lines; <c>*</c> matches anything, <c>\:</c> and <c>\\</c>
/// are escapes, the first matching line wins. Like libpq, a file readable by group or others is ignored
/// (<see cref="Lookup"/> then reports why through <paramref name="warning"/>).
/// </summary>
public static class PgPass
{
    /// <summary>The password for the given connection facts, or null.</summary>
    public static string? Lookup(string path, string host, string port, string database, string user, Action<string>? warning = null)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        if (!OperatingSystem.IsWindows()
            && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0)
        {
            warning?.Invoke($"password file \"{path}\" has group or world access; permissions should be u=rw (0600) or less");
            return null;
        }
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // libpq matches a Unix-socket connection against "localhost".
        var matchHost = host.Length == 0 || host.StartsWith('/') ? "localhost" : host;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = Split(line);
            if (fields.Count < 5)
            {
                continue;
            }
            if (Matches(fields[0], matchHost) && Matches(fields[1], port) && Matches(fields[2], database) && Matches(fields[3], user))
            {
                return fields[4];
            }
        }
        return null;
    }

    private static bool Matches(string pattern, string value) => pattern == "*" || pattern == value;

    /// <summary>Splits on unescaped colons into at most five fields, removing the escapes.</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                current.Append(line[++i]);
            }
            else if (c == ':' && fields.Count < 4)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
