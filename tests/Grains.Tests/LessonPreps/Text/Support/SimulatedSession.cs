using Collab.Client;
using Collab.Ot;

namespace Collab.Grains.Tests.LessonPreps.Text.Support;

/// <summary>
/// A server and clients (the client library's <see cref="SectionEditor"/>) exchanging ops the way the real protocol
/// runs: ops reach the server in order per client, and may be resent; the server rebases each over the history since
/// its base revision, ignores a command it already applied, and broadcasts every applied op, which clients receive
/// in any order.
/// </summary>
internal sealed class SimulatedSession
{
    private const string Section = "s";
    private readonly List<TextOperation> _history = [];
    private readonly HashSet<(string, long)> _applied = [];

    public SimulatedSession(string text, int clients)
    {
        ServerText = text;
        Clients = Enumerable.Range(0, clients).Select(i => new Client(new SectionEditor($"c{i}", $"c{i}", Section, 0, text))).ToList();
    }

    public string ServerText { get; private set; }

    public List<Client> Clients { get; }

    public void Step(Random random)
    {
        var client = Clients[random.Next(Clients.Count)];
        switch (random.Next(4))
        {
            case 0:
                client.Send(client.Editor.Edit(RandomOps.Operation(random, client.Editor.Text)));
                break;
            case 1 when client.ToServer.Count > 0:
                Receive(client.ToServer.Dequeue());
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
                while (client.ToServer.Count > 0)
                {
                    Receive(client.ToServer.Dequeue());
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

    private void Receive(OutgoingOp op)
    {
        if (!_applied.Add((op.ClientId, op.ClientSeq)))
        {
            return;
        }
        var rebased = TextOperation.TransformAgainst(op.Operation, _history.Skip((int)op.BaseRevision));
        ServerText = rebased.Apply(ServerText);
        _history.Add(rebased);
        var applied = new OpApplied(_history.Count, Section, rebased, op.ClientId, op.ClientId, op.ClientSeq);
        foreach (var client in Clients)
        {
            client.FromServer.Add(applied);
        }
    }

    internal sealed class Client(SectionEditor editor)
    {
        public SectionEditor Editor { get; } = editor;

        public Queue<OutgoingOp> ToServer { get; } = new();

        public List<OpApplied> FromServer { get; } = [];

        public void Send(OutgoingOp? op)
        {
            if (op is not null)
            {
                ToServer.Enqueue(op);
            }
        }
    }
}
