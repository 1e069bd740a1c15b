namespace KafkaRecon.Tests.RealApiServer;

/// <summary>All tests on the real API server share one control plane per run; each works in its own namespace.</summary>
[CollectionDefinition(Name)]
public sealed class RealApiServerCollection : ICollectionFixture<ControlPlane>
{
    public const string Name = "RealApiServer";
}
