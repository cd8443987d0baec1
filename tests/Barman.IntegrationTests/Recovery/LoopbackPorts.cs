// Hands out loopback ports from this suite's range (55400-55499) that nobody listens on right now.
using System.Net;
using System.Net.Sockets;

namespace Barman.IntegrationTests.Recovery;

internal static class LoopbackPorts
{
    private const int First = 55400;
    private const int Last = 55499;
    private static int _next = First;

    public static int Next()
    {
        for (var tries = 0; tries <= Last - First; tries++)
        {
            var port = Interlocked.Increment(ref _next) - 1;
            if (port > Last)
            {
                Interlocked.Exchange(ref _next, First + 1);
                port = First;
            }
            if (IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"no free loopback port in {First}-{Last}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
