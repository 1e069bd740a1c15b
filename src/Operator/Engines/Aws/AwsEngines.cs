using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>The engines of <c>spec.engine: aws</c>, over one set of AWS clients.</summary>
internal static class AwsEngines
{
    public static EngineSet Create(AwsClients clients, IReportQueryCatalog catalog, IReportWriter writer) =>
        new(new BatchCoalescer(clients.Batch),
            new GlueTransformer(clients.Glue),
            new AthenaQueryRunner(clients.Athena, catalog, writer));

    /// <summary>With the placeholder catalog and writer; the lead replaces them with Sql/ and Reports/ at merge.</summary>
    public static EngineSet CreateWithPlaceholderReports(AwsClients clients) =>
        Create(clients, new PlaceholderReportQueryCatalog(), new PlaceholderReportWriter(new S3ObjectStore(clients.S3)));
}
