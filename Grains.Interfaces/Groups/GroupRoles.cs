namespace Collab.Grains.Interfaces.Groups;

public static class GroupRoles
{
    public const string Leader = "leader";
    public const string Member = "member";
}
