// pg_basebackup / pg_receivewal as barman sees them: where they are, their --version, and compatibility with the server.
using System.Globalization;
using System.Text.RegularExpressions;
using Barman.Core.Processes;

namespace Barman.Core.Servers;

/// <summary>An installed PostgreSQL client program; <see cref="Path"/> is null when it was not found.</summary>
public sealed partial record ClientTool(string Program, string? Path, string? FullVersion)
{
    /// <summary>Major version as PostgreSQL numbers it: "15" for 15.18, "9.6" for 9.6.24.</summary>
    public string? MajorVersion => FullVersion is null ? null : MajorOf(FullVersion);

    public bool Installed => Path is not null;

    /// <summary>
    /// Finds <paramref name="program"/> (path_prefix, PATH, /usr/lib/postgresql/&lt;major&gt;/bin) and runs <c>--version</c>.
    /// </summary>
    public static async Task<ClientTool> DetectAsync(string program, string? pathPrefix, int? serverMajor, IProcessRunner runner, CancellationToken ct)
    {
        var path = PgBinaries.Find(program, pathPrefix, serverMajor);
        if (path is null)
        {
            return new ClientTool(program, null, null);
        }
        try
        {
            var (result, stdout) = await runner.CaptureAsync(new ProcessSpec(path, ["--version"], Timeout: TimeSpan.FromSeconds(10)), ct);
            return new ClientTool(program, path, result.ExitCode == 0 ? ParseVersion(stdout) : null);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception or CliWrap.Exceptions.CliWrapException)
        {
            return new ClientTool(program, path, null);
        }
    }

    /// <summary>"pg_basebackup (PostgreSQL) 15.18 (Debian 15.18-1)" → "15.18".</summary>
    public static string? ParseVersion(string output)
    {
        var m = VersionPattern().Match(output);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>
    /// barman's rule: a client is compatible with servers from 9.3 up to its own major version
    /// (9.2 only with 9.2). Null when either version is unknown.
    /// </summary>
    public bool? CompatibleWith(string? serverMajor)
    {
        if (MajorVersion is not { } mine || serverMajor is null)
        {
            return null;
        }
        var server = Numeric(serverMajor);
        var tool = Numeric(mine);
        if (server == 9.2m && tool == 9.2m)
        {
            return true;
        }
        return server > 9.2m && server <= tool;
    }

    /// <summary>The major version of a server version text: "15.18" → "15", "9.6.24" → "9.6".</summary>
    public static string MajorOf(string version)
    {
        var parts = version.Split('.');
        var first = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return first >= 10 || parts.Length < 2 ? parts[0] : parts[0] + "." + parts[1];
    }

    internal static decimal Numeric(string major) =>
        decimal.TryParse(major, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : 0;

    [GeneratedRegex(@"\(PostgreSQL\)\s+([0-9]+(?:\.[0-9]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
