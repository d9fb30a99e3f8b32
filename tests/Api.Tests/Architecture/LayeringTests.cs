using System.Reflection;
using Collab.Api.Hosting;
using Collab.Grains.Interfaces.Live;
using Collab.Silo.Hosting;
using Xunit;

namespace Collab.Api.Tests.Architecture;

/// <summary>
/// The projects point one way (docs/architecture.md): the compiler records an assembly reference only for an assembly
/// whose types the code uses, so these fail as soon as a file uses a type past its layer (a constant is copied in, not referenced: it does not count).
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Grains = typeof(Collab.Grains.StorageNames).Assembly;

    [Fact]
    public void The_api_uses_the_contracts_and_the_hosting_never_a_grain_implementation()
    {
        var references = References(typeof(CollabApi).Assembly);
        Assert.Contains(typeof(EventEnvelope).Assembly.GetName().Name, references);
        Assert.Contains(typeof(CollabTelemetry).Assembly.GetName().Name, references);
        Assert.DoesNotContain(Grains.GetName().Name, references);
    }

    [Fact]
    public void The_grains_hold_no_sql_and_no_http()
    {
        var references = References(Grains);
        Assert.Contains(typeof(EventEnvelope).Assembly.GetName().Name, references);
        Assert.DoesNotContain(references, name => name.StartsWith("Npgsql", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_contracts_depend_on_nothing_of_the_runtime()
    {
        var references = References(typeof(EventEnvelope).Assembly);
        Assert.DoesNotContain(Grains.GetName().Name, references);
        Assert.DoesNotContain(typeof(CollabTelemetry).Assembly.GetName().Name, references);
        Assert.DoesNotContain(references, name => name.StartsWith("Npgsql", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(reference => reference.Name!).ToList();
}
