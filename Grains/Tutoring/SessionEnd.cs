using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Interfaces.Tutoring.Events;

namespace Collab.Grains.Tutoring;

/// <summary>What a session's end leaves: the record for the histories, and its event for the two who were in it.</summary>
public sealed record SessionEnd(TutoringSessionRecord Record, SessionEndedEvent Ended, IReadOnlyList<string> Audience);
