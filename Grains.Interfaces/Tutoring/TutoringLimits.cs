namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>Bounds of a tutoring room, in characters (UTF-16 code units) and counts.</summary>
public static class TutoringLimits
{
    public const int TitleLength = 100;
    public const int SubjectLength = 50;
    public const int TopicLength = 200;
    public const int ChatLength = 500;
    public const int QueueMessageLength = 300;
    public const int NotesLength = 4000;
    public const int QueueCapacity = 200;
    public const int MinSlotMinutes = 1;
    public const int MaxSlotMinutes = 120;
    public const int MaxExtendMinutes = 60;

    /// <summary>A slot with its extensions lasts at most this long.</summary>
    public const int MaxSessionMinutes = 240;

    public const int PointsPerStroke = 2000;
    public const int StrokesPerSession = 300;

    /// <summary>
    /// Points drawn in one session, cleared strokes included. The board is part of the room's state, written whole on
    /// every stroke, so this bounds the write (about 20,000 points ≈ 0.3 MB).
    /// </summary>
    public const int PointsPerSession = 20_000;

    public const int ChatPerSession = 300;
    public const int HistoryKept = 200;

    /// <summary>A teacher's own room list keeps their latest this many rooms.</summary>
    public const int RoomsPerTutorListed = 200;

    /// <summary>Subjects the unfiltered room listing covers.</summary>
    public const int SubjectsListed = 1000;
}
