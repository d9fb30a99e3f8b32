using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;

namespace Collab.Grains.LessonPreps;

/// <summary>The state a plan starts with: a group's new plan, or a teacher's personal copy of a finalized one (二次备课). Pure.</summary>
public static class LessonPlanSetup
{
    /// <summary>Checks a new plan's fields, throwing the refusal before anything is asked of the group.</summary>
    public static NewLessonPlan Checked(string? groupId, CreateLessonPrep command) => new(
        TextFields.Required(groupId, "groupId", LessonPrepLimits.ShortFieldLength),
        TextFields.Required(command.Title, "title", LessonPrepLimits.TitleLength),
        TextFields.Required(command.Subject, "subject", LessonPrepLimits.ShortFieldLength),
        TextFields.Required(command.Grade, "grade", LessonPrepLimits.ShortFieldLength),
        LessonPrepRules.ValidSections(command.Sections),
        LessonPrepRules.ValidFormat(command.Format));

    /// <summary>A group's plan in drafting, its creator its lead preparer.</summary>
    public static void Start(LessonPrepState plan, NewLessonPlan fields, Caller creator, DateTimeOffset at)
    {
        plan.GroupId = fields.GroupId;
        plan.Title = fields.Title;
        plan.Subject = fields.Subject;
        plan.Grade = fields.Grade;
        plan.Phase = LessonPrepPhases.Drafting;
        plan.LeadPreparer = creator.UserId;
        plan.CreatedAt = at;
        plan.Sections = fields.Sections.Select(s => Empty(s.Key, s.Title, fields.Format)).ToList();
    }

    /// <summary>
    /// A personal copy of <paramref name="source"/> in drafting, owned by the teacher who forked it. The copy's
    /// reflection is its own teacher's, written after teaching this class: it starts empty.
    /// </summary>
    public static void StartCopy(LessonPrepState plan, ForkSource source, Caller owner, DateTimeOffset at)
    {
        plan.GroupId = source.GroupId;
        plan.Title = source.Title;
        plan.Subject = source.Subject;
        plan.Grade = source.Grade;
        plan.Phase = LessonPrepPhases.Drafting;
        plan.LeadPreparer = owner.UserId;
        plan.Owner = owner.UserId;
        plan.ForkedFrom = source.OriginId;
        plan.OriginTitle = source.Title;
        plan.CreatedAt = at;
        plan.Sections = source.Sections
            .Where(s => s.Key != LessonPrepLimits.Reflection.Key)
            .Select(s => new LessonSection { Key = s.Key, Title = s.Title, Text = s.Text, Format = s.Format ?? SectionFormats.Text, Content = s.Content })
            .Append(Empty(LessonPrepLimits.Reflection.Key, LessonPrepLimits.Reflection.Title,
                source.Sections.Any(s => s.IsRich) ? SectionFormats.Rich : SectionFormats.Text))
            .ToList();
    }

    private static LessonSection Empty(string key, string title, string format) => new()
    {
        Key = key,
        Title = title,
        Format = format,
        Content = format == SectionFormats.Rich ? LessonSection.EmptyRichContent : null,
    };
}

/// <summary>A new plan's checked fields.</summary>
public sealed record NewLessonPlan(string GroupId, string Title, string Subject, string Grade, IReadOnlyList<SectionSpec> Sections, string Format);
