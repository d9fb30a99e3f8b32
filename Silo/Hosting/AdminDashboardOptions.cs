using Microsoft.Extensions.Configuration;

namespace Collab.Silo.Hosting;

/// <summary>
/// The <c>Collab:Dashboard</c> section: the Orleans Dashboard, served by Api nodes to admins. Every node of a cluster
/// needs the same <see cref="Enabled"/>: the Api serves the pages, the silos collect what they show.
/// </summary>
public sealed class AdminDashboardOptions
{
    public const string Section = "Collab:Dashboard";

    public bool Enabled { get; set; } = true;

    /// <summary>Where an Api node serves it; a path of its own, outside <c>/api</c> and <c>/hubs</c>.</summary>
    public string Path { get; set; } = "/dashboard";

    /// <summary>How long the cookie an admin's browser gets for it stays valid (at most the token's own lifetime).</summary>
    public int SessionMinutes { get; set; } = 15;

    public static AdminDashboardOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<AdminDashboardOptions>() ?? new AdminDashboardOptions();
        if (!options.Path.StartsWith('/') || options.Path.Length < 2 || options.Path.EndsWith('/'))
        {
            throw new InvalidOperationException($"{Section}:Path must start with '/' and not end with one; it is '{options.Path}'");
        }
        if (options.SessionMinutes is < 1 or > 720)
        {
            throw new InvalidOperationException($"{Section}:SessionMinutes must be between 1 and 720; it is {options.SessionMinutes}");
        }
        return options;
    }
}
