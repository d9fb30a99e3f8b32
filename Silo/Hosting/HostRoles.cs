namespace Collab.Silo.Hosting;

public static class HostRoles
{
    public const string Cohosted = "cohosted";
    public const string Client = "client";
}
