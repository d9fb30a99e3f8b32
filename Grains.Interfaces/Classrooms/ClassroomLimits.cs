namespace Collab.Grains.Interfaces.Classrooms;

public static class ClassroomLimits
{
    public const int TitleLength = 200;
    public const int SubjectLength = 50;
    public const int GradeLength = 50;

    /// <summary>The host's class and up to this many linked classes (the city's 1 + 30, with room to spare).</summary>
    public const int LinkedClasses = 40;

    public const int Questions = 200;

    /// <summary>The largest show-of-hands count for one option: a class is at most this big.</summary>
    public const int CountMax = 500;
}
