using System.Net;
using System.Net.Sockets;

namespace Collab.Bench;

/// <summary>Loopback ports nobody listens on, so that child servers never collide with other processes here.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
