using Orleans.Serialization;
using Orleans.Storage;

namespace Collab.Grains.Tests.Cluster;

/// <summary>In-memory grain storage whose writes can be made to fail, to test that nothing unpersisted is acknowledged.</summary>
public sealed class SwitchableStorage(DeepCopier copier) : IGrainStorage
{
    private readonly Dictionary<string, (object State, string ETag)> _rows = [];

    public volatile bool FailWrites;

    /// <summary>The writes of one kind of state alone fail (by its storage name, e.g. a user's list of homework).</summary>
    public volatile string? FailWritesOf;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_rows)
        {
            if (_rows.TryGetValue(Key(stateName, grainId), out var row))
            {
                grainState.State = copier.Copy((T)row.State);
                grainState.ETag = row.ETag;
                grainState.RecordExists = true;
            }
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (FailWrites || stateName == FailWritesOf)
        {
            throw new InvalidOperationException("storage is down (test)");
        }
        lock (_rows)
        {
            var etag = Guid.NewGuid().ToString("N");
            _rows[Key(stateName, grainId)] = (copier.Copy(grainState.State)!, etag);
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_rows)
        {
            _rows.Remove(Key(stateName, grainId));
        }
        return Task.CompletedTask;
    }

    /// <summary>Changes a stored state in place, e.g. into what an older version of a grain would have left.</summary>
    public void Edit<T>(string stateName, GrainId grainId, Action<T> edit)
    {
        lock (_rows)
        {
            edit((T)_rows[Key(stateName, grainId)].State);
        }
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
