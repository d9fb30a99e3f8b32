using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Tutoring;

namespace Collab.Grains.Tests.Tutoring;

public sealed class TutoringRoomSetupTests
{
    private static readonly Caller Teacher = new("tutor-1", "张老师", Roles.Teacher, "school-a", "county-a");

    private static string Refusal(Caller caller, CreateTutoringRoom command, bool exists = false) =>
        Assert.Throws<CollabException>(() => TutoringRoomSetup.Checked("room-1", exists, caller, command)).Code;

    [Fact]
    public void A_teachers_valid_room_starts_closed_with_its_fields_trimmed()
    {
        var info = TutoringRoomSetup.Checked("room-1", false, Teacher, new CreateTutoringRoom(" 答疑 ", " 数学 ", 20));
        Assert.Equal(new TutoringRoomInfo("room-1", "答疑", "数学", 20, Teacher.UserId, Teacher.Name, Open: false), info);
    }

    [Theory]
    [InlineData(Roles.Student)]
    [InlineData(Roles.Admin)]
    public void Only_a_teacher_creates_a_room(string role)
    {
        Assert.Equal(ErrorCodes.Forbidden, Refusal(Teacher with { Role = role }, new CreateTutoringRoom("t", "数学", 20)));
    }

    [Fact]
    public void A_room_that_exists_is_a_conflict_before_its_fields_are_looked_at()
    {
        Assert.Equal(ErrorCodes.Conflict, Refusal(Teacher, new CreateTutoringRoom("", "", 0), exists: true));
    }

    [Theory]
    [InlineData("", "数学", 20, ErrorCodes.InvalidArgument)]
    [InlineData("t", " ", 20, ErrorCodes.InvalidArgument)]
    [InlineData("t", null, 20, ErrorCodes.InvalidArgument)]
    [InlineData("t", "数学", TutoringLimits.MinSlotMinutes - 1, ErrorCodes.InvalidArgument)]
    [InlineData("t", "数学", TutoringLimits.MaxSlotMinutes + 1, ErrorCodes.InvalidArgument)]
    [InlineData("t", "数学", -5, ErrorCodes.InvalidArgument)]
    public void Bad_fields_are_refused(string? title, string? subject, int slotMinutes, string code)
    {
        Assert.Equal(code, Refusal(Teacher, new CreateTutoringRoom(title!, subject!, slotMinutes)));
    }

    [Fact]
    public void Oversized_fields_are_too_large_and_the_slot_bounds_are_inclusive()
    {
        Assert.Equal(ErrorCodes.TooLarge, Refusal(Teacher, new CreateTutoringRoom(new string('题', TutoringLimits.TitleLength + 1), "数学", 20)));
        Assert.Equal(ErrorCodes.TooLarge, Refusal(Teacher, new CreateTutoringRoom("t", new string('数', TutoringLimits.SubjectLength + 1), 20)));
        Assert.Equal(TutoringLimits.MinSlotMinutes, TutoringRoomSetup.Checked("r", false, Teacher, new CreateTutoringRoom("t", "数学", TutoringLimits.MinSlotMinutes)).SlotMinutes);
        Assert.Equal(TutoringLimits.MaxSlotMinutes, TutoringRoomSetup.Checked("r", false, Teacher, new CreateTutoringRoom("t", "数学", TutoringLimits.MaxSlotMinutes)).SlotMinutes);
    }
}
