using Collab.Client;

namespace Collab.Grains.Tests.LessonPreps.Text.Support;

/// <summary>
/// A server and clients (the client library's <see cref="SectionEditor{TChange,TContent}"/>, of either format) exchanging ops the way the real protocol
/// runs: ops reach the server in order per client, and may be resent; a command the server already applied is
/// answered, not applied again; the server broadcasts every applied op, which clients receive in any order.
/// </summary>
internal sealed class SimulatedSession<TChange, TContent>(IEnumerable<SectionEditor<TChange, TContent>> editors,
    Func<OutgoingOp<TChange>, string, OpApplied<TChange>> server, Func<Random, TContent, TChange> randomEdit)
    where TChange : class
{
    private readonly HashSet<(string, long)> _applied = [];

    public List<Client> Clients { get; } = editors.Select(editor => new Client(editor)).ToList();

    /// <summary>The ops the server applied, resends not counted.</summary>
    public int Applied => _applied.Count;

    public void Step(Random random)
    {
        var client = Clients[random.Next(Clients.Count)];
        switch (random.Next(4))
        {
            case 0:
                client.Send(client.Editor.Edit(randomEdit(random, client.Editor.Content)));
                break;
            case 1 when client.ToServer.Count > 0:
                Receive(client, client.ToServer.Dequeue());
                break;
            case 2 when client.FromServer.Count > 0:
                // Events may overtake each other (another node, a Sync); the editor puts them back in revision order.
                var index = random.Next(client.FromServer.Count);
                var applied = client.FromServer[index];
                client.FromServer.RemoveAt(index);
                client.Send(client.Editor.Receive(applied));
                break;
            case 3 when random.Next(4) == 0:
                // A reconnect: the op in flight goes again with its clientSeq, whether or not the server has it.
                client.Send(client.Editor.Resend());
                break;
        }
    }

    public void Drain()
    {
        while (Clients.Any(c => c.ToServer.Count > 0 || c.FromServer.Count > 0))
        {
            foreach (var client in Clients)
            {
                while (client.ToServer.TryDequeue(out var op))
                {
                    Receive(client, op);
                }
                while (client.FromServer.Count > 0)
                {
                    var applied = client.FromServer[0];
                    client.FromServer.RemoveAt(0);
                    client.Send(client.Editor.Receive(applied));
                }
            }
        }
    }

    private void Receive(Client from, OutgoingOp<TChange> op)
    {
        if (!_applied.Add((op.ClientId, op.ClientSeq)))
        {
            return;
        }
        var applied = server(op, from.Editor.UserId);
        foreach (var client in Clients)
        {
            client.FromServer.Add(applied);
        }
    }

    internal sealed class Client(SectionEditor<TChange, TContent> editor)
    {
        public SectionEditor<TChange, TContent> Editor { get; } = editor;

        public Queue<OutgoingOp<TChange>> ToServer { get; } = new();

        public List<OpApplied<TChange>> FromServer { get; } = [];

        public void Send(OutgoingOp<TChange>? op)
        {
            if (op is not null)
            {
                ToServer.Enqueue(op);
            }
        }
    }
}
