namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>Per student: their own finished tutoring sessions, so "my sessions" needs no scan of rooms.</summary>
[Alias("collab.ITutoringStudentGrain")]
public interface ITutoringStudentGrain : IGrainWithStringKey
{
    /// <summary>Adds the record, or replaces the one with the same room and session id (notes written later).</summary>
    [Alias("Record")]
    Task RecordAsync(TutoringSessionRecord record);

    [Alias("List")]
    Task<IReadOnlyList<TutoringSessionRecord>> ListAsync();
}
