// Turns a Conninfo into Npgsql settings the way libpq fills gaps: PG* environment variables, defaults, .pgpass.
using System.Globalization;
using Npgsql;

namespace Barman.Core.Postgres;

/// <summary>Resolves the effective connection parameters of a <see cref="Conninfo"/>.</summary>
public static class ConnectionSettings
{
    /// <summary>Debian's libpq socket directory, used when neither host nor PGHOST is given.</summary>
    public const string DefaultSocketDirectory = "/var/run/postgresql";

    /// <summary>
    /// Builds the Npgsql connection string. <paramref name="env"/> reads environment variables (injectable for tests);
    /// <paramref name="osUser"/> is libpq's default user name.
    /// </summary>
    public static NpgsqlConnectionStringBuilder ToNpgsql(
        Conninfo conninfo,
        Func<string, string?> env,
        string osUser,
        string applicationName,
        int? timeoutSeconds = null,
        Action<string>? warning = null)
    {
        string? Param(string key, string envName) => conninfo.Get(key) is { Length: > 0 } v ? v : env(envName) is { Length: > 0 } e ? e : null;

        var host = Param("host", "PGHOST") ?? Param("hostaddr", "PGHOSTADDR") ?? DefaultSocketDirectory;
        // Only the first of several hosts is used: barman's servers name one.
        host = host.Split(',')[0];
        var port = (Param("port", "PGPORT") ?? "5432").Split(',')[0];
        var user = Param("user", "PGUSER") ?? osUser;
        var database = Param("dbname", "PGDATABASE") ?? user;
        var password = Param("password", "PGPASSWORD");
        if (password is null)
        {
            var passfile = Param("passfile", "PGPASSFILE") ?? Path.Combine(env("HOME") ?? "/", ".pgpass");
            password = PgPass.Lookup(passfile, host, port, database, user, warning);
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = int.Parse(port, NumberStyles.None, CultureInfo.InvariantCulture),
            Username = user,
            Database = database,
            ApplicationName = conninfo.Get("application_name") ?? env("PGAPPNAME") ?? applicationName,
            Pooling = false,
            // Npgsql would otherwise look for a passfile itself: the lookup above is the only one.
            Passfile = null,
        };
        if (password is not null)
        {
            builder.Password = password;
        }
        if ((conninfo.Get("connect_timeout") ?? env("PGCONNECT_TIMEOUT")) is { } ct
            && int.TryParse(ct, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            builder.Timeout = Math.Max(2, seconds);
        }
        else if (timeoutSeconds is { } t)
        {
            builder.Timeout = t;
        }
        if (Param("sslmode", "PGSSLMODE") is { } sslmode)
        {
            builder.SslMode = sslmode switch
            {
                "disable" => SslMode.Disable,
                "allow" => SslMode.Allow,
                "prefer" => SslMode.Prefer,
                "require" => SslMode.Require,
                "verify-ca" => SslMode.VerifyCA,
                "verify-full" => SslMode.VerifyFull,
                _ => throw new Errors.PostgresException($"invalid sslmode value: \"{sslmode}\""),
            };
        }
        if (conninfo.Get("sslcert") is { } cert)
        {
            builder.SslCertificate = cert;
        }
        if (conninfo.Get("sslkey") is { } key)
        {
            builder.SslKey = key;
        }
        if (conninfo.Get("sslrootcert") is { } root)
        {
            builder.RootCertificate = root;
        }
        if (conninfo.Get("options") is { } options)
        {
            builder.Options = options;
        }
        if (conninfo.Get("target_session_attrs") is { } tsa)
        {
            builder.TargetSessionAttributes = tsa;
        }
        if (conninfo.Get("keepalives_idle") is { } idle && int.TryParse(idle, NumberStyles.None, CultureInfo.InvariantCulture, out var k))
        {
            builder.KeepAlive = k;
        }
        return builder;
    }
}
