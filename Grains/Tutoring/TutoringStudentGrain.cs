using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Grains.Tutoring;

public sealed class TutoringStudentGrain(
    [PersistentState("tutoringstudent", StorageNames.Default)] IPersistentState<TutoringStudentState> store)
    : Grain, ITutoringStudentGrain
{
    public async Task RecordAsync(TutoringSessionRecord record)
    {
        var sessions = store.State.Sessions;
        var index = sessions.FindIndex(s => s.RoomId == record.RoomId && s.SessionId == record.SessionId);
        if (index >= 0)
        {
            if (sessions[index] == record)
            {
                return;
            }
            sessions[index] = record;
        }
        else
        {
            sessions.Add(record);
            if (sessions.Count > TutoringLimits.HistoryKept)
            {
                sessions.RemoveAt(0);
            }
        }
        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<TutoringSessionRecord>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TutoringSessionRecord>>(store.State.Sessions.AsEnumerable().Reverse().ToList());
}
