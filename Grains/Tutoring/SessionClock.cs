namespace Collab.Grains.Tutoring;

/// <summary>
/// What the deadline rules of a running session look at: when it started and ends, whether the student has been
/// seen connected since admission, since when they have been offline, and which end they were warned about.
/// </summary>
public sealed record SessionClock(
    DateTimeOffset AdmittedAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? StudentSeenAt,
    DateTimeOffset? OfflineSince,
    DateTimeOffset? WarnedForEndsAt);
