// The postgresql:// URI form of a libpq connection string: parsing into keywords, and password redaction.
using System.Collections.Immutable;
using Barman.Core.Errors;

namespace Barman.Core.Postgres;

/// <summary>postgresql://[user[:password]@][host[:port][,...]][/dbname][?key=value&amp;...], percent-decoded.</summary>
internal static class ConninfoUri
{
    public static ImmutableDictionary<string, string> Parse(string text)
    {
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var rest = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = string.Empty;
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        if (slash >= 0 && slash + 1 < rest.Length)
        {
            result["dbname"] = Decode(rest[(slash + 1)..]);
        }
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                result["password"] = Decode(userInfo[(colon + 1)..]);
                userInfo = userInfo[..colon];
            }
            if (userInfo.Length > 0)
            {
                result["user"] = Decode(userInfo);
            }
        }
        if (authority.Length > 0)
        {
            var hosts = new List<string>();
            var ports = new List<string>();
            foreach (var part in authority.Split(','))
            {
                var (host, port) = SplitHostPort(part, text);
                hosts.Add(host);
                ports.Add(port);
            }
            if (hosts.Any(h => h.Length > 0))
            {
                result["host"] = string.Join(',', hosts);
            }
            if (ports.Any(p => p.Length > 0))
            {
                result["port"] = string.Join(',', ports);
            }
        }
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw new PostgresException($"missing key/value separator \"=\" in URI query parameter: \"{pair}\"");
            }
            var key = Decode(pair[..eq]);
            var value = Decode(pair[(eq + 1)..]);
            // libpq's one alias in URIs: ssl=true means sslmode=require.
            if (key == "ssl" && value == "true")
            {
                key = "sslmode";
                value = "require";
            }
            result[key] = value;
        }
        return result.ToImmutable();
    }

    /// <summary>Hides the password of the user-info part and any password= query parameter.</summary>
    public static string Redact(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var result = text;
        var authorityEnd = result.IndexOfAny(['/', '?'], schemeEnd);
        var authority = authorityEnd < 0 ? result[schemeEnd..] : result[schemeEnd..authorityEnd];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var colon = authority.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && colon < at)
            {
                result = result[..(schemeEnd + colon + 1)] + "********" + result[(schemeEnd + at)..];
            }
        }
        var q = result.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return result;
        }
        var pairs = result[(q + 1)..].Split('&')
            .Select(p => p.StartsWith("password=", StringComparison.Ordinal) || p.StartsWith("sslpassword=", StringComparison.Ordinal)
                ? p[..(p.IndexOf('=', StringComparison.Ordinal) + 1)] + "********"
                : p);
        return result[..(q + 1)] + string.Join('&', pairs);
    }

    private static (string Host, string Port) SplitHostPort(string part, string text)
    {
        if (part.StartsWith('['))
        {
            var close = part.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new PostgresException($"end of string reached when looking for matching \"]\" in IPv6 host address in URI: \"{Conninfo.Redact(text)}\"");
            }
            var host = part[1..close];
            var after = part[(close + 1)..];
            return (host, after.StartsWith(':') ? after[1..] : string.Empty);
        }
        var colon = part.LastIndexOf(':');
        return colon >= 0 ? (Decode(part[..colon]), part[(colon + 1)..]) : (Decode(part), string.Empty);
    }

    private static string Decode(string s)
    {
        // Uri.UnescapeDataString keeps a bad sequence as it is; libpq refuses it (and %00).
        for (var i = s.IndexOf('%', StringComparison.Ordinal); i >= 0; i = s.IndexOf('%', i + 1))
        {
            if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]) || s.AsSpan(i + 1, 2).SequenceEqual("00"))
            {
                throw new PostgresException(s.AsSpan(i + 1).StartsWith("00") ? $"forbidden value %00 in percent-encoded value: \"{s}\"" : $"invalid percent-encoded token: \"{s}\"");
            }
        }
        return Uri.UnescapeDataString(s);
    }
}
