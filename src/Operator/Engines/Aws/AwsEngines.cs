using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>The engines of <c>spec.engine: aws</c>, over one set of AWS clients.</summary>
internal static class AwsEngines
{
    /// <param name="store">Where reports and summaries are written (S3 for Athena's results).</param>
    public static EngineSet Create(AwsClients clients, IObjectStore store, TimeProvider timeProvider) =>
        new(new BatchCoalescer(clients.Batch),
            new GlueTransformer(clients.Glue, store, timeProvider),
            new AthenaQueryRunner(clients.Athena, store, timeProvider));
}
