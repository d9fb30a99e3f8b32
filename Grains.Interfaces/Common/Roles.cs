namespace Collab.Grains.Interfaces.Common;

public static class Roles
{
    public const string Teacher = "teacher";
    public const string Student = "student";
    public const string Admin = "admin";

    public static bool IsKnown(string role) => role is Teacher or Student or Admin;
}
