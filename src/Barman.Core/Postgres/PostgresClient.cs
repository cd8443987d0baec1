// One Npgsql connection to the server's conninfo (AOT-safe slim data source); every value comes back as text.
using System.Globalization;
using Barman.Core.Logging;
using Npgsql;

namespace Barman.Core.Postgres;

/// <summary>
/// A connection to PostgreSQL for barman's queries. Values are read as text (cast in SQL), so the slim data source
/// needs no type plugins and every caller formats values exactly as barman prints them.
/// </summary>
public sealed class PostgresClient : IAsyncDisposable
{
    private static Serilog.ILogger Log => BarmanLog.For("barman.postgres"); // taken at each use: see BarmanLog.Defer
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection _connection;

    private PostgresClient(NpgsqlDataSource dataSource, NpgsqlConnection connection)
    {
        _dataSource = dataSource;
        _connection = connection;
    }

    /// <summary>The server_version_num of the connected server.</summary>
    public int ServerVersionNum => _connection.PostgreSqlVersion.Major * 10000 + Math.Max(0, _connection.PostgreSqlVersion.Minor);

    /// <summary>Opens a connection; throws <see cref="Errors.PostgresException"/> with the driver's message on failure.</summary>
    public static async Task<PostgresClient> ConnectAsync(string conninfo, string applicationName, int timeoutSeconds, CancellationToken ct)
    {
        var settings = ConnectionSettings.ToNpgsql(
            Conninfo.Parse(conninfo), Environment.GetEnvironmentVariable, Environment.UserName, applicationName, timeoutSeconds,
            w => Log.WarningLine(w));
        var builder = new NpgsqlSlimDataSourceBuilder(settings.ConnectionString);
        builder.EnableTransportSecurity();
        var dataSource = builder.Build();
        try
        {
            var connection = await dataSource.OpenConnectionAsync(ct);
            return new PostgresClient(dataSource, connection);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            await dataSource.DisposeAsync();
            throw new Errors.PostgresException(LibpqError.Describe(settings.Host!, settings.Port, e), e);
        }
    }

    /// <summary>The first column of the first row as text, or null (no row, SQL NULL, or a query error, which is logged).</summary>
    public async Task<string?> ScalarAsync(string sql, CancellationToken ct)
    {
        var row = await RowAsync(sql, ct);
        return row?[0];
    }

    /// <summary>The first row as text values, or null when there is no row or the query failed (logged at DEBUG).</summary>
    public async Task<string?[]?> RowAsync(string sql, CancellationToken ct)
    {
        var rows = await RowsAsync(sql, ct);
        return rows is { Count: > 0 } ? rows[0] : null;
    }

    /// <summary>All rows as text values, or null when the query failed (logged at DEBUG).</summary>
    public async Task<List<string?[]>?> RowsAsync(string sql, CancellationToken ct)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, _connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<string?[]>();
            while (await reader.ReadAsync(ct))
            {
                var values = new string?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                }
                rows.Add(values);
            }
            return rows;
        }
        catch (PostgresException e)
        {
            Log.DebugLine($"Error running query '{sql}': {e.MessageText}");
            return null;
        }
    }

    /// <summary>Runs a statement that returns nothing useful; throws on error.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
