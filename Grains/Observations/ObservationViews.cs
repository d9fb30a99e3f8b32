using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Interfaces.Observations.Events;

namespace Collab.Grains.Observations;

/// <summary>
/// What readers of an observation get from its state: the report, the Join snapshot and the notes each user may see
/// (public ones, and a private one by its author alone). No one but its observer sees an individual rating.
/// </summary>
public static class ObservationViews
{
    public static ObservationReport Report(string id, ObservationState state, RatingAggregate aggregate)
    {
        var notes = state.Notes
            .Where(n => n.Visibility == NoteVisibility.Public)
            .OrderBy(n => n.At)
            .ThenBy(n => n.WrittenAt)
            .Select(n => new ReportNote(n.Id, n.UserId, n.Name, n.Text, n.At, n.OffsetSeconds))
            .ToList();
        var comments = state.Ratings
            .Where(r => r.Comment.Length > 0)
            .OrderBy(r => r.RatedAt)
            .Select(r =>
            {
                var observer = state.Observers.Find(o => o.UserId == r.UserId);
                return new ReportComment(r.UserId, observer?.Name ?? r.UserId, observer?.School ?? "", observer?.County ?? "", r.Comment, r.RatedAt);
            })
            .ToList();
        var byCounty = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var observer in state.Observers)
        {
            var county = observer.County.Length == 0 ? "unknown" : observer.County;
            byCounty[county] = byCounty.GetValueOrDefault(county) + 1;
        }
        return new ObservationReport(id, state.GroupId!, state.Title, state.Subject, state.Grade, state.TeacherId, state.TeacherName,
            state.Status, state.Status == ObservationStatuses.Finalized, state.StartedAt, state.EndedAt,
            aggregate.Count, aggregate.WeightedTotal, aggregate.Dimensions, notes, comments, byCounty, state.Observers.Count,
            state.FinalizedAt);
    }

    public static object Snapshot(string id, ObservationState state, RatingAggregate aggregate, string userId, IReadOnlyList<string> online)
    {
        var rubric = state.Rubric!;
        var mine = state.Ratings.Find(r => r.UserId == userId);
        return new
        {
            id,
            groupId = state.GroupId,
            title = state.Title,
            subject = state.Subject,
            grade = state.Grade,
            teacherId = state.TeacherId,
            teacherName = state.TeacherName,
            status = state.Status,
            startsAt = state.StartsAt,
            startedAt = state.StartedAt,
            endedAt = state.EndedAt,
            finalizedAt = state.FinalizedAt,
            rubric,
            notes = NotesSeenBy(state, userId),
            myRating = mine is null
                ? null
                : new { scores = mine.Scores, comment = mine.Comment, ratedAt = mine.RatedAt, weightedTotal = RubricMaths.WeightedTotal(rubric, mine.Scores) },
            aggregate = Aggregate(aggregate),
            online,
        };
    }

    public static IReadOnlyList<NoteAddedEvent> NotesSeenBy(ObservationState state, string userId) =>
        state.Notes
            .Where(n => n.Visibility == NoteVisibility.Public || n.UserId == userId)
            .OrderBy(n => n.At)
            .Select(n => new NoteAddedEvent(n.Id, n.UserId, n.Name, n.Text, n.At, n.OffsetSeconds, n.Visibility))
            .ToList();

    /// <summary>The aggregate as <c>ratings.updated</c> carries it: means by dimension, and no total before the first rating.</summary>
    public static RatingsUpdatedEvent Aggregate(RatingAggregate aggregate) =>
        new(aggregate.Count, aggregate.Means, aggregate.Count == 0 ? null : aggregate.WeightedTotal);
}
