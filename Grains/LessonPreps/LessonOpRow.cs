namespace Collab.Grains.LessonPreps;

/// <summary>
/// One accepted op as the op log stores it: enough to re-apply it (<see cref="OpsJson"/>, as transformed), to re-append
/// its <c>op.applied</c> event (<see cref="Seq"/>, <see cref="EventJson"/>, <see cref="At"/>) and to answer a resend
/// of its command (<see cref="ClientId"/>, <see cref="ClientSeq"/>, <see cref="ResultJson"/>).
/// </summary>
public sealed record LessonOpRow(
    string PlanId,
    long Seq,
    long Revision,
    string Section,
    string OpsJson,
    string UserId,
    string ClientId,
    long ClientSeq,
    string ResultJson,
    string EventJson,
    DateTimeOffset At);
