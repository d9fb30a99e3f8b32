using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Interfaces.LessonPreps.Events;

namespace Collab.Grains.LessonPreps;

/// <summary>A plan as its callers see it: the view of Get and Create, the snapshot of Join and Sync, a comment as its event. Pure.</summary>
public static class LessonPrepViews
{
    public static LessonPrepView View(string id, LessonPrepState plan) =>
        new(id, plan.GroupId!, plan.Title, plan.Subject, plan.Grade, plan.Phase, plan.LeadPreparer, plan.Revision, Sections(plan),
            plan.ForkedFrom, plan.Owner, plan.Forks, OriginTitle(plan));

    /// <summary>A copy's original's title; copies made before it was kept carry the original's title as their own.</summary>
    private static string? OriginTitle(LessonPrepState plan) => plan.ForkedFrom is null ? null : plan.OriginTitle ?? plan.Title;

    /// <summary>A personal copy as its owner's list shows it; null for a group's plan. It last changed with its latest event.</summary>
    public static LessonCopySummary? CopySummary(string id, LessonPrepState plan) =>
        plan.ForkedFrom is null
            ? null
            : new(id, plan.Title, plan.ForkedFrom, OriginTitle(plan)!, plan.Phase, plan.Revision, plan.CreatedAt,
                plan.Log.Events.Count > 0 ? plan.Log.Events[^1].At : plan.CreatedAt);

    public static List<LessonSectionView> Sections(LessonPrepState plan) =>
        plan.Sections.Select(s => new LessonSectionView(s.Key, s.Title, s.Text, s.Assignee, s.Format, s.IsRich() ? s.Content : null)).ToList();

    /// <summary>The snapshot; <paramref name="you"/> is the caller as the server knows them, by which a client tells its own op.applied.</summary>
    public static object Snapshot(string id, LessonPrepState plan, string you, IReadOnlyList<string> online) => new
    {
        id,
        you,
        groupId = plan.GroupId,
        title = plan.Title,
        subject = plan.Subject,
        grade = plan.Grade,
        phase = plan.Phase,
        leadPreparer = plan.LeadPreparer,
        forkedFrom = plan.ForkedFrom,
        originTitle = OriginTitle(plan),
        owner = plan.Owner,
        forks = plan.Forks,
        revision = plan.Revision,
        sections = Sections(plan),
        comments = plan.Comments.Select(Comment).ToList(),
        online,
    };

    public static CommentAddedEvent Comment(LessonComment comment) =>
        new(comment.Id, comment.Section, comment.Start, comment.End, comment.Text, comment.UserId, comment.Name, comment.At, comment.Resolved, comment.ResolvedBy);
}
