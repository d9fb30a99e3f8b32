using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Grains.Tutoring;

/// <summary>The checks of a new room, made before anything (the subject list) is asked of another grain. Pure.</summary>
public static class TutoringRoomSetup
{
    /// <summary>A teacher's new room, closed until they open it.</summary>
    /// <exception cref="CollabException">forbidden for a non-teacher, conflict when the room exists, invalid_argument for a bad field.</exception>
    public static TutoringRoomInfo Checked(string roomId, bool exists, Caller caller, CreateTutoringRoom command)
    {
        if (!caller.IsTeacher)
        {
            throw CollabException.Forbidden("only teachers create tutoring rooms");
        }
        if (exists)
        {
            throw CollabException.Conflict($"tutoring room {roomId} already exists");
        }
        var title = TextFields.Required(command.Title, "title", TutoringLimits.TitleLength);
        var subject = TextFields.Required(command.Subject, "subject", TutoringLimits.SubjectLength);
        if (command.SlotMinutes is < TutoringLimits.MinSlotMinutes or > TutoringLimits.MaxSlotMinutes)
        {
            throw CollabException.Invalid($"slotMinutes is between {TutoringLimits.MinSlotMinutes} and {TutoringLimits.MaxSlotMinutes}");
        }
        return new TutoringRoomInfo(roomId, title, subject, command.SlotMinutes, caller.UserId, caller.Name, Open: false);
    }
}
