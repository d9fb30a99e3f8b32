namespace Collab.Grains;

/// <summary>Names of the grain storage providers the silo configures.</summary>
public static class StorageNames
{
    public const string Default = "collab";
}
