using Collab.TestSupport;

namespace Collab.Cluster.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL for the assembly; each test creates its own database on it.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "cluster";
}
