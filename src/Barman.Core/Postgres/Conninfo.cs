// A libpq connection string (key=value with quoting, or a postgresql:// URI), parsed the way libpq parses it.
using System.Collections.Immutable;
using System.Text;
using Barman.Core.Errors;

namespace Barman.Core.Postgres;

/// <summary>
/// The parameters of a libpq connection string. The raw text is kept untouched (pg_basebackup and pg_receivewal
/// get it as is); <see cref="ToString"/> gives the redacted form, so logging a Conninfo never leaks a password.
/// </summary>
public sealed class Conninfo
{
    /// <summary>Keywords libpq accepts; anything else is rejected, as libpq rejects it.</summary>
    internal static readonly ImmutableHashSet<string> Keywords = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "channel_binding", "connect_timeout",
        "client_encoding", "options", "application_name", "fallback_application_name", "keepalives", "keepalives_idle",
        "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication", "gssencmode", "sslmode",
        "requiressl", "sslcompression", "sslcert", "sslkey", "sslpassword", "sslrootcert", "sslcrl", "sslcrldir",
        "sslsni", "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "krbsrvname", "gsslib",
        "service", "target_session_attrs", "load_balance_hosts", "require_auth", "sslcertmode", "sslnegotiation");

    private Conninfo(string raw, ImmutableDictionary<string, string> parameters)
    {
        Raw = raw;
        Parameters = parameters;
    }

    /// <summary>The text exactly as configured (never log it: use <see cref="ToString"/>).</summary>
    public string Raw { get; }

    /// <summary>Keyword → value, later duplicates winning as in libpq.</summary>
    public ImmutableDictionary<string, string> Parameters { get; }

    public string? Get(string key) => Parameters.TryGetValue(key, out var v) ? v : null;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="PostgresException"/> with libpq's wording on bad input.</summary>
    public static Conninfo Parse(string text)
    {
        var parameters = IsUri(text) ? ConninfoUri.Parse(text) : ParseKeyValue(text);
        foreach (var key in parameters.Keys)
        {
            if (!Keywords.Contains(key))
            {
                throw new PostgresException($"invalid connection option \"{key}\"");
            }
        }
        return new Conninfo(text, parameters);
    }

    /// <summary>
    /// The --dbname barman gives pg_receivewal and pg_basebackup: the conninfo's keys plus dbname=replication,
    /// replication=true and options=-cdatestyle=iso, sorted by key, then application_name.
    /// </summary>
    public string ForReplication(string applicationName)
    {
        var keys = Parameters.Remove("application_name")
            .SetItem("dbname", "replication")
            .SetItem("replication", "true")
            .SetItem("options", "-cdatestyle=iso");
        var parts = keys.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={Quote(kv.Value)}")
            .Append($"application_name={Quote(applicationName)}");
        return string.Join(' ', parts);
    }

    /// <summary>A value as libpq reads it back: bare when it can be, else single-quoted with \ and \' escapes.</summary>
    internal static string Quote(string value) =>
        value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is '\'' or '\\')
            ? value
            : "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>The redacted connection string: safe for logs and output.</summary>
    public override string ToString() => Redact(Raw);

    /// <summary>
    /// <paramref name="text"/> with any password replaced by <c>********</c>. Works on text that does not parse, too,
    /// because it is used on whatever the user configured.
    /// </summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }
        return IsUri(text) ? ConninfoUri.Redact(text) : RedactKeyValue(text);
    }

    internal static bool IsUri(string text) =>
        text.StartsWith("postgresql://", StringComparison.Ordinal) || text.StartsWith("postgres://", StringComparison.Ordinal);

    private static ImmutableDictionary<string, string> ParseKeyValue(string text)
    {
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, _, _) in Tokens(text))
        {
            result[key] = value;
        }
        return result.ToImmutable();
    }

    private static string RedactKeyValue(string text)
    {
        var sb = new StringBuilder(text);
        try
        {
            // Replace from the end so earlier offsets stay valid.
            foreach (var (key, _, start, end) in Enumerable.Reverse(Tokens(text)))
            {
                if (key is "password" or "sslpassword")
                {
                    sb.Remove(start, end - start).Insert(start, "********");
                }
            }
            return sb.ToString();
        }
        catch (PostgresException)
        {
            // Unparsable: hide everything after any password keyword rather than risk a leak.
            var at = text.IndexOf("password", StringComparison.Ordinal);
            return at < 0 ? text : text[..at] + "password=********";
        }
    }

    /// <summary>key=value tokens with the span of each value in the text (for redaction).</summary>
    private static List<(string Key, string Value, int ValueStart, int ValueEnd)> Tokens(string text)
    {
        var tokens = new List<(string, string, int, int)>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length)
            {
                return tokens;
            }
            var keyStart = i;
            while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            var key = text[keyStart..i];
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length || text[i] != '=')
            {
                throw new PostgresException($"missing \"=\" after \"{key}\" in connection info string");
            }
            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            var valueStart = i;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '\'')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new PostgresException("unterminated quoted string in connection info string");
                    }
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        value.Append(text[i + 1]);
                        i += 2;
                    }
                    else if (text[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }
                    value.Append(text[i++]);
                }
            }
            tokens.Add((key, value.ToString(), valueStart, i));
        }
    }
}
