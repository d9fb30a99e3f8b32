namespace Collab.Api.CityDirectory;

/// <summary>The <c>Collab:Directory</c> section, Api side.</summary>
public sealed class DirectoryImportOptions
{
    public const string Section = "Collab:Directory";

    /// <summary>The largest import file: 250,000 people as JSON is about 25 MB.</summary>
    public long MaxImportBytes { get; set; } = 40 * 1024 * 1024;

    /// <summary>Rows per call to the import grain: one transaction each.</summary>
    public int BatchRows { get; set; } = 500;

    /// <summary>An import reports its first this many row errors, and how many more there were.</summary>
    public int MaxReportedErrors { get; set; } = 1000;
}
