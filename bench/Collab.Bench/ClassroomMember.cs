using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Bench;

/// <summary>
/// One person in the classroom with their hub connection, and the stream position a client following PROTOCOL §0
/// keeps: a durable event more than one past it is a jump a plain client fills with <c>Sync</c>. A classroom chains its
/// events for everyone (<c>prev</c>, PROTOCOL §8): a client Syncs only when one of those names a predecessor it has not
/// seen, a gap; a jump over events addressed to others is none.
/// </summary>
public sealed class ClassroomMember(string userId, int classIndex, string token)
{
    private readonly Lock _gate = new();
    private long _lastSeq = -1;
    private long _lastForEveryone = -1;

    public string UserId => userId;
    public int ClassIndex => classIndex;
    public string Token => token;
    public HubConnection? Connection { get; set; }
    public long Jumps { get; private set; }
    public long Gaps { get; private set; }
    public bool ChainSeen { get; private set; }

    public void Joined(long seq)
    {
        lock (_gate)
        {
            _lastSeq = Math.Max(_lastSeq, seq);
            _lastForEveryone = Math.Max(_lastForEveryone, seq);
        }
    }

    /// <summary>A durable event received; events before the Join answer are already in its snapshot.</summary>
    public void Received(long seq, long? previousForEveryone)
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
            if (previousForEveryone is { } previous)
            {
                ChainSeen = true;
                if (previous > _lastForEveryone)
                {
                    Gaps++;
                }
                _lastForEveryone = seq;
            }
            _lastSeq = seq;
        }
    }
}
