using System.Net;
using System.Net.Sockets;

namespace Collab.TestSupport;

public static class FreePorts
{
    private static readonly HashSet<int> Given = [];

    /// <summary>A loopback port free right now and not handed out before in this run.</summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Given)
            {
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
