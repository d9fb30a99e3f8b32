using Collab.Grains.LessonPreps.Text;
namespace Collab.Grains.Tests.LessonPreps.Text.Support;

/// <summary>
/// A server and clients exchanging operations over in-order but delayed channels, the way the real
/// protocol runs: each client has at most one operation awaiting acknowledgement and buffers later
/// edits; the server rebases each incoming operation over the history since its base revision.
/// </summary>
internal sealed class SimulatedSession
{
    private readonly List<TextOperation> _history = [];

    public SimulatedSession(string text, int clients)
    {
        ServerText = text;
        Clients = Enumerable.Range(0, clients).Select(_ => new Client(text)).ToList();
    }

    public string ServerText { get; private set; }

    public List<Client> Clients { get; }

    public void Step(Random random)
    {
        var client = Clients[random.Next(Clients.Count)];
        switch (random.Next(3))
        {
            case 0:
                client.Edit(RandomOps.Operation(random, client.Text));
                break;
            case 1 when client.ToServer.Count > 0:
                Receive(client, client.ToServer.Dequeue());
                break;
            case 2 when client.FromServer.Count > 0:
                client.Receive(client.FromServer.Dequeue());
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
                    Receive(client, client.ToServer.Dequeue());
                }

                while (client.FromServer.Count > 0)
                {
                    client.Receive(client.FromServer.Dequeue());
                }
            }
        }
    }

    private void Receive(Client sender, (int Revision, TextOperation Operation) message)
    {
        var rebased = TextOperation.TransformAgainst(message.Operation, _history.Skip(message.Revision));
        ServerText = rebased.Apply(ServerText);
        _history.Add(rebased);
        foreach (var client in Clients)
        {
            client.FromServer.Enqueue(client == sender ? null : rebased);
        }
    }

    internal sealed class Client(string text)
    {
        private int _revision;
        private TextOperation? _awaiting;
        private TextOperation? _buffer;

        public string Text { get; private set; } = text;

        public Queue<(int Revision, TextOperation Operation)> ToServer { get; } = new();

        /// <summary>Null stands for the acknowledgement of this client's own operation.</summary>
        public Queue<TextOperation?> FromServer { get; } = new();

        public void Edit(TextOperation operation)
        {
            Text = operation.Apply(Text);
            if (_awaiting is null)
            {
                _awaiting = operation;
                ToServer.Enqueue((_revision, operation));
            }
            else
            {
                _buffer = _buffer is null ? operation : TextOperation.Compose(_buffer, operation);
            }
        }

        public void Receive(TextOperation? operation)
        {
            _revision++;
            if (operation is null)
            {
                _awaiting = _buffer;
                _buffer = null;
                if (_awaiting is not null)
                {
                    ToServer.Enqueue((_revision, _awaiting));
                }

                return;
            }

            if (_awaiting is not null)
            {
                (operation, _awaiting) = TextOperation.Transform(operation, _awaiting);
            }

            if (_buffer is not null)
            {
                (operation, _buffer) = TextOperation.Transform(operation, _buffer);
            }

            Text = operation.Apply(Text);
        }
    }
}
