using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.LessonPreps;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>A fresh group of a leader and one member, and a plan in it, for the lesson-plan grain tests.</summary>
public static class PlanScenario
{
    public static string Ops(params object[] components) => JsonSerializer.Serialize(components);

    public static async Task<string> NewGroupAsync(IGrainFactory grains, Caller leader, Caller member)
    {
        var groupId = $"g-{Guid.NewGuid():N}";
        var group = grains.GetGrain<IGroupGrain>(groupId);
        await group.CreateAsync(leader, new CreateGroup("初中英语教研组", "english", "7", null));
        await group.AddMemberAsync(leader, new NewMember(member.UserId, member.Name, member.School, member.County));
        return groupId;
    }

    public static async Task<ILessonPrepGrain> NewPlanAsync(IGrainFactory grains, Caller author, string groupId, string title = "Unit 3")
    {
        var plan = grains.GetGrain<ILessonPrepGrain>($"lp-{Guid.NewGuid():N}");
        await plan.CreateAsync(author, groupId, new CreateLessonPrep(title, "english", "7", null, SectionFormats.Text));
        return plan;
    }
}
