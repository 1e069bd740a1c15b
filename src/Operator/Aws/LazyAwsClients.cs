using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Aws;

/// <summary>
/// The process's AWS clients, built from the environment (and <c>--aws-endpoint</c>) on first use, so an
/// embedded-only, local-only installation never needs a region or credentials.
/// </summary>
internal sealed class LazyAwsClients(string? endpoint, IAwsCallObserver? observer = null, TimeProvider? timeProvider = null)
    : IDisposable
{
    private readonly Lazy<AwsClients> clients = new(() =>
        new AwsClients(AwsOptions.FromEnvironment(endpoint), observer, timeProvider));

    public AwsClients Value => clients.Value;

    /// <summary>The one object store of the process: s3:// locations through S3, everything else on local disk.</summary>
    public IObjectStore CreateStore() =>
        new RoutingObjectStore(new LocalObjectStore(), () => new S3ObjectStore(Value.S3));

    public void Dispose()
    {
        if (clients.IsValueCreated)
        {
            clients.Value.Dispose();
        }
    }
}
