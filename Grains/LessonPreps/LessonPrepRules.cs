using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Ot;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// Who may do what to a plan, and what a command may hold (PROTOCOL §2): each check throws the protocol's refusal and
/// changes nothing. Pure: the grain asks the group for roles and hands them in.
/// </summary>
public static class LessonPrepRules
{
    public static void RequireNew(LessonPrepState plan, string id)
    {
        if (plan.GroupId is not null)
        {
            throw CollabException.Conflict($"lesson plan {id} already exists");
        }
    }

    /// <summary>The sections a new plan starts with: the default ones when none are named, else the named ones, checked.</summary>
    /// <summary>
    /// Text until the web client's rich editor lands; PROTOCOL §9 then makes rich the default for new plans.
    /// </summary>
    public static string ValidFormat(string? format) =>
        format is null ? SectionFormats.Rich
        : SectionFormats.IsKnown(format) ? format
        : throw CollabException.Invalid($"format must be '{SectionFormats.Text}' or '{SectionFormats.Rich}'");

    public static IReadOnlyList<SectionSpec> ValidSections(IReadOnlyList<SectionSpec>? requested)
    {
        if (requested is null || requested.Count == 0)
        {
            return LessonPrepLimits.DefaultSections;
        }
        if (requested.Count > LessonPrepLimits.Sections)
        {
            throw CollabException.TooLarge($"a plan has at most {LessonPrepLimits.Sections} sections");
        }
        var sections = requested
            .Select(s => new SectionSpec(
                TextFields.Required(s?.Key, "section key", LessonPrepLimits.ShortFieldLength),
                TextFields.Required(s?.Title, "section title", LessonPrepLimits.TitleLength)))
            .ToList();
        if (sections.DistinctBy(s => s.Key).Count() != sections.Count)
        {
            throw CollabException.Invalid("section keys must be unique");
        }
        return sections;
    }

    /// <summary>
    /// The caller's role in a personal copy, which belongs to its owner alone, even should they leave the group; null
    /// for a group's plan, where the group says.
    /// </summary>
    public static string? RoleInPersonalCopy(LessonPrepState plan, string id, Caller caller) =>
        plan.Owner switch
        {
            null => null,
            var owner when owner == caller.UserId => GroupRoles.Leader,
            _ => throw CollabException.Forbidden($"lesson plan {id} is a personal copy of another teacher"),
        };

    /// <summary>Phases, assignments and restores are the lead preparer's or the group leader's.</summary>
    public static void RequireLead(LessonPrepState plan, Caller caller, string role)
    {
        if (caller.UserId != plan.LeadPreparer && role != GroupRoles.Leader)
        {
            throw CollabException.Forbidden("only the lead preparer or the group leader may do this");
        }
    }

    public static void RequireEditable(LessonPrepState plan, string id)
    {
        if (plan.Phase == LessonPrepPhases.Finalized)
        {
            throw CollabException.Forbidden($"lesson plan {id} is finalized and read-only");
        }
    }

    public static void RequireKnownPhase(string? phase)
    {
        if (!LessonPrepPhases.IsKnown(phase))
        {
            throw CollabException.Invalid("phase is drafting, discussion or finalized");
        }
    }

    public static void RequireMayFork(LessonPrepState plan, Caller caller)
    {
        if (!caller.IsTeacher)
        {
            throw CollabException.Forbidden("only teachers fork lesson plans");
        }
        if (plan.Phase != LessonPrepPhases.Finalized)
        {
            throw CollabException.Conflict("only a finalized plan can be forked into a personal copy");
        }
    }

    /// <summary>A named version is refused at the cap; an automatic one (a phase change) is simply not kept, see <see cref="KeepsPhaseVersion"/>.</summary>
    public static void RequireRoomForVersion(int versions)
    {
        if (versions >= LessonPrepLimits.Versions)
        {
            throw CollabException.Conflict($"a plan keeps at most {LessonPrepLimits.Versions} versions");
        }
    }

    /// <summary>A phase change is never refused (finalizing must always be possible); at the cap it just keeps no copy.</summary>
    public static bool KeepsPhaseVersion(int versions) => versions < LessonPrepLimits.Versions;

    /// <summary>The assignee an assignment names: none for an empty user id.</summary>
    public static string? Assignee(string? userId) => string.IsNullOrWhiteSpace(userId) ? null : userId;

    /// <summary>A cursor's anchor and head lie within the section's text, in code points.</summary>
    public static void RequireCursorWithin(LessonSection section, int anchor, int head)
    {
        var length = section.Length();
        if (anchor < 0 || head < 0 || anchor > length || head > length)
        {
            throw CollabException.Invalid($"a cursor in section {section.Key} lies within 0..{length}");
        }
    }
}
