using Collab.Grains.Interfaces.Common;
using Collab.Ot;

namespace Collab.Grains.LessonPreps;

/// <summary>The comments of a plan: a new one is checked against its section's current text and the plan's cap. Pure.</summary>
public static class LessonComments
{
    /// <summary>Adds a comment on start..end (code points) of a section, or throws the refusal and changes nothing.</summary>
    public static LessonComment Add(LessonPrepState plan, LessonSection section, int start, int end, string? text, Caller caller, DateTimeOffset at)
    {
        var length = section.Length();
        if (start < 0 || end < start || end > length)
        {
            throw CollabException.Invalid($"a comment covers start..end within 0..{length} of section {section.Key}");
        }
        if (plan.Comments.Count >= LessonPrepLimits.Comments)
        {
            throw CollabException.Conflict($"a plan holds at most {LessonPrepLimits.Comments} comments");
        }
        var comment = new LessonComment
        {
            Section = section.Key,
            Start = start,
            End = end,
            Text = TextFields.Required(text, "text", LessonPrepLimits.CommentLength, trim: false),
            UserId = caller.UserId,
            Name = caller.Name,
            At = at,
        };
        // Numbered only once accepted, so a refused comment leaves no gap in the ids.
        comment.Id = $"c{++plan.CommentCount}";
        plan.Comments.Add(comment);
        return comment;
    }
}
