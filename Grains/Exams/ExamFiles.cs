using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Exams;

/// <summary>
/// Who shares an exam's files (PROTOCOL §9): its staff (the author, admins, a room's proctors and its markers) add and
/// read them; a rostered candidate reads them once the paper is open to them (from <c>opensAt</c>, as starting is),
/// since a stem's image is as secret as its stem before then.
/// </summary>
public sealed class ExamFiles(string id, ExamDocument exam)
{
    public bool IsStaff(Caller caller) => exam.ScopeOf(caller) is not null || (exam.Spec.Markers ?? []).Contains(caller.UserId);

    public void RequireUploader(Caller caller)
    {
        if (!IsStaff(caller))
        {
            throw CollabException.Forbidden($"only the author of exam {id}, its proctors, its markers or an admin add its files");
        }
    }

    public void RequireReader(Caller caller, DateTimeOffset now)
    {
        if (IsStaff(caller))
        {
            return;
        }
        exam.RequireCandidate(caller.UserId);
        if (now < exam.Spec.OpensAt)
        {
            throw new CollabException(ErrorCodes.NotOpen, $"exam {id} opens at {exam.Spec.OpensAt:yyyy-MM-dd HH:mm:ss}Z; its paper is not shown before");
        }
    }
}
