namespace Collab.Grains.LessonPreps.Rich;

/// <summary>Bounds of a rich section and of one change to it; lengths in UTF-16 code units, an embed one, as the delta counts.</summary>
public static class RichLimits
{
    public const int DeltaJsonBytes = 64 * 1024;
    public const int DeltaOps = 2000;
    public const int SectionLength = 100_000;

    /// <summary>Ops of a whole section: each op is a format run or an embed, so this bounds a snapshot's size as well.</summary>
    public const int SectionOps = 20_000;

    public const int FormulaLength = 2000;
    public const int LinkLength = 2048;
    public const int Headings = 6;
}
