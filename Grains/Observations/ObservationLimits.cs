namespace Collab.Grains.Observations;

/// <summary>Bounds of an observation; text fields in characters (UTF-16 code units).</summary>
public static class ObservationLimits
{
    public const int TitleLength = 100;
    public const int ShortFieldLength = 50;
    public const int NoteLength = 2000;
    public const int CommentLength = 2000;
    public const int Notes = 2000;
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MinDimensions = 2;
    public const int MaxDimensions = 12;
    public const int TotalWeight = 100;
    public const int DimensionKeyLength = 32;
    public const int DimensionNameLength = 50;
    public const int Descriptors = 10;
    public const int DescriptorLength = 200;

    /// <summary>A client clock slightly ahead of the server's may stamp a note this far in the future; it is taken as now.</summary>
    public static readonly TimeSpan NoteClockTolerance = TimeSpan.FromSeconds(5);
}
