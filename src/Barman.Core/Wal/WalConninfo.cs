// A small libpq conninfo reader for the WAL verbs (until Core/Postgres/Conninfo lands): keywords to Npgsql and pg_receivewal.
using System.Text;
using Npgsql;

namespace Barman.Core.Wal;

/// <summary>Parses <c>key=value</c> conninfo strings (quotes and backslash escapes as libpq reads them).</summary>
public static class WalConninfo
{
    public static SortedDictionary<string, string> Parse(string conninfo)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < conninfo.Length)
        {
            while (i < conninfo.Length && char.IsWhiteSpace(conninfo[i]))
            {
                i++;
            }
            var eq = conninfo.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }
            var key = conninfo[i..eq].Trim();
            i = eq + 1;
            while (i < conninfo.Length && char.IsWhiteSpace(conninfo[i]))
            {
                i++;
            }
            var value = new StringBuilder();
            var quoted = i < conninfo.Length && conninfo[i] == '\'';
            if (quoted)
            {
                i++;
            }
            while (i < conninfo.Length && (quoted ? conninfo[i] != '\'' : !char.IsWhiteSpace(conninfo[i])))
            {
                if (conninfo[i] == '\\' && i + 1 < conninfo.Length)
                {
                    i++;
                }
                value.Append(conninfo[i++]);
            }
            if (quoted)
            {
                i++;
            }
            if (key.Length > 0)
            {
                result[key] = value.ToString();
            }
        }
        return result;
    }

    /// <summary>The Npgsql connection string for a conninfo.</summary>
    public static string ToNpgsql(string conninfo, string? applicationName = null)
    {
        var p = Parse(conninfo);
        var b = new NpgsqlConnectionStringBuilder();
        foreach (var (k, v) in p)
        {
            switch (k)
            {
                case "host" or "hostaddr":
                    b.Host = v;
                    break;
                case "port":
                    b.Port = int.Parse(v, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "user":
                    b.Username = v;
                    break;
                case "password":
                    b.Password = v;
                    break;
                case "dbname":
                    b.Database = v;
                    break;
                case "passfile":
                    b.Passfile = v;
                    break;
                case "connect_timeout":
                    b.Timeout = int.Parse(v, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "application_name":
                    b.ApplicationName = v;
                    break;
                case "sslmode":
                    b.SslMode = v switch
                    {
                        "disable" => SslMode.Disable,
                        "allow" => SslMode.Allow,
                        "require" => SslMode.Require,
                        "verify-ca" => SslMode.VerifyCA,
                        "verify-full" => SslMode.VerifyFull,
                        _ => SslMode.Prefer,
                    };
                    break;
            }
        }
        if (!p.ContainsKey("host"))
        {
            b.Host = "/var/run/postgresql";
        }
        if (applicationName is not null)
        {
            b.ApplicationName = applicationName;
        }
        b.Pooling = false;
        return b.ConnectionString;
    }

    /// <summary>
    /// pg_receivewal's --dbname as barman builds it: the conninfo keys plus dbname=replication, replication=true and
    /// options=-cdatestyle=iso, sorted, then application_name.
    /// </summary>
    public static string ForReplication(string conninfo, string applicationName)
    {
        var p = Parse(conninfo);
        p.Remove("application_name");
        p["dbname"] = "replication";
        p["replication"] = "true";
        p["options"] = "-cdatestyle=iso";
        var parts = p.Select(kv => $"{kv.Key}={Quote(kv.Value)}").Append($"application_name={Quote(applicationName)}");
        return string.Join(' ', parts);
    }

    private static string Quote(string v) =>
        v.Length > 0 && !v.Any(c => char.IsWhiteSpace(c) || c is '\'' or '\\')
            ? v
            : "'" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
