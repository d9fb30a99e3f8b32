namespace Collab.Grains.Exams;

/// <summary>Bounds of an exam paper and its answers, in characters (UTF-16 code units) and counts.</summary>
public static class ExamLimits
{
    public const int Questions = 200;
    public const int StemLength = 4000;
    public const int OptionsMin = 2;
    public const int OptionsMax = 10;
    public const int OptionTextLength = 1000;
    public const int Blanks = 20;
    public const int AcceptedPerBlank = 20;
    public const int BlankAnswerLength = 200;
    public const int ShortAnswerLength = 10000;
    public const int ReferenceLength = 10000;
    public const int RosterSize = 10000;

    /// <summary>Classes an exam's roster may name; their students together still count against <see cref="RosterSize"/>.</summary>
    public const int RosterClasses = 200;
    public const int TitleLength = 100;
    public const int SubjectLength = 50;
    public const int DurationMinutesMax = 600;
    public const int Markers = 50;
    public const decimal PointsMax = 100;

    /// <summary>Rooms of one exam (a city's schools, several rooms each).</summary>
    public const int Rooms = 1000;
    public const int RoomNameLength = 100;
    public const int ProctorsPerRoom = 10;

    /// <summary>The most extra minutes an accommodation grants (as long as the longest exam).</summary>
    public const int AccommodationMinutesMax = 600;
}
