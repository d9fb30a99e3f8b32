namespace Collab.Grains.Interfaces.Directory;

/// <summary>The kinds of rows an import carries, as they are named in its JSON body, its <c>?kind=</c> and its errors.</summary>
public static class ImportKinds
{
    public const string Schools = "schools";
    public const string People = "people";
    public const string Classes = "classes";
    public const string Deactivate = "deactivate";
}
