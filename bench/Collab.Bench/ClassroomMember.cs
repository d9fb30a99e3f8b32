using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Bench;

/// <summary>
/// One person in the classroom with their hub connection, and the stream position a client following PROTOCOL §0
/// keeps: a durable event more than one past it is a jump the web client fills with <c>Sync</c>.
/// </summary>
public sealed class ClassroomMember(string userId, int classIndex, string token)
{
    private readonly Lock _gate = new();
    private long _lastSeq = -1;

    public string UserId => userId;
    public int ClassIndex => classIndex;
    public string Token => token;
    public HubConnection? Connection { get; set; }
    public long Jumps { get; private set; }

    public void Joined(long seq)
    {
        lock (_gate)
        {
            _lastSeq = Math.Max(_lastSeq, seq);
        }
    }

    /// <summary>A durable event received; events before the Join answer are already in its snapshot.</summary>
    public void Received(long seq)
    {
        lock (_gate)
        {
            if (seq == 0 || _lastSeq < 0 || seq <= _lastSeq)
            {
                return;
            }
            if (seq > _lastSeq + 1)
            {
                Jumps++;
            }
            _lastSeq = seq;
        }
    }
}
