using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Composition;

/// <summary>The engines both the operator and <c>run</c> use: embedded DuckDB always, AWS built on first use.</summary>
internal static class EngineComposition
{
    /// <summary>Both engine sets; the AWS one (and its clients) is built when a resource first asks for it.</summary>
    public static IEngineProvider Engines(TimeProvider time, IObjectStore store, LazyAwsClients aws) =>
        new EngineProvider(EmbeddedEngines(time, store), AwsEnginesOnFirstUse(time, store, aws));

    public static Lazy<EngineSet> AwsEnginesOnFirstUse(TimeProvider time, IObjectStore store, LazyAwsClients aws) =>
        new(() => AwsEngines.Create(aws.Value, store, time));

    /// <param name="store">
    /// Routes s3:// locations to S3: manifests and output may live there (DuckDB works on local copies of them).
    /// </param>
    public static EngineSet EmbeddedEngines(TimeProvider time, IObjectStore store) => new(
        new LocalCoalescer(time, _ => store),
        new DuckDbTransformer(store),
        new DuckDbQueryRunner(store, time));
}
