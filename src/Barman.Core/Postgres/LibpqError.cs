// Driver failures worded as libpq words them, because barman shows libpq's message (show-servers connection_error, hints).
using System.Net.Sockets;
using Npgsql;

namespace Barman.Core.Postgres;

/// <summary>Turns an Npgsql connection failure into libpq's first message line.</summary>
public static class LibpqError
{
    public static string Describe(string host, int port, Exception e)
    {
        var prefix = host.StartsWith('/')
            ? $"connection to server on socket \"{host}/.s.PGSQL.{port}\" failed: "
            : $"connection to server at \"{host}\", port {port} failed: ";
        return prefix + Reason(e);
    }

    private static string Reason(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case PostgresException pg:
                    return $"{pg.Severity}:  {pg.MessageText}";
                case SocketException socket:
                    return socket.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => "Connection refused",
                        SocketError.TimedOut => "Connection timed out",
                        SocketError.HostUnreachable => "No route to host",
                        SocketError.AddressNotAvailable or SocketError.HostNotFound => "Name or service not known",
                        _ => socket.Message,
                    };
                case TimeoutException:
                    return "timeout expired";
            }
        }
        return e.Message.Trim();
    }
}
