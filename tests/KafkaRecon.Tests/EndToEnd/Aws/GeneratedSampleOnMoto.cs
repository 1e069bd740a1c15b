using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Inputs;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;
using KafkaRecon.Tests.Support;
using Amazon.S3.Model;

namespace KafkaRecon.Tests.EndToEnd.Aws;

/// <summary>
/// A generated sample on a moto of its own, reconciled twice through <c>kafka-recon run -f</c>: first with the
/// embedded engine reading the manifests from S3 (the reference, and the part Glue and Athena play on AWS), then with
/// <c>engine: aws</c>. moto runs neither Spark nor SQL, so the test plays them with the embedded engine's own work:
/// the Glue job's Parquet output is the embedded transform's, uploaded under the run's tables prefix, and Athena's
/// answers are the same SQL run on DuckDB over those tables, queued in moto in the order the runner starts
/// statements. Coalescing is off in these two runs; the restart test runs it, playing the Batch jobs' part.
/// Every call goes through a proxy that pages Athena results as AWS does (moto answers in one page).
/// </summary>
public sealed class GeneratedSampleOnMoto : IAsyncLifetime
{
    public const string Database = "kafka_recon";
    public const string ManifestsPrefix = "manifests";
    private const int ImportObjectsWanted = 1_200;
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("krecon-aws-e2e-");

    public MotoServer Moto { get; } = new();

    public FaultProxy Proxy { get; private set; } = null!;

    internal GeneratedDataset Dataset { get; } = new(records: 100_000);

    internal AwsClients Clients { get; private set; } = null!;

    public string Bucket { get; } = $"recon-e2e-{Guid.NewGuid():N}"[..24];

    public int ImportObjects { get; private set; }

    internal IReadOnlyList<AthenaResult> AthenaResults { get; private set; } = [];

    internal CliResult Embedded { get; private set; } = null!;

    internal CliResult Aws { get; private set; } = null!;

    /// <summary>The embedded run's local layout (its Parquet tables and reports).</summary>
    internal RunLayout EmbeddedLayout { get; private set; } = null!;

    /// <summary>
    /// Where the AWS run keeps its results: the embedded run's id with the fingerprint of the same listing (both
    /// engines list the same manifests under the same window), as the Glue transform names its run folder.
    /// </summary>
    internal RunLayout AwsLayout => new($"s3://{Bucket}/aws-output",
        RunFingerprint.RunId(EmbeddedLayout.RunId, Embedded.Resource.Status!.Inputs!.Fingerprint!));

    /// <summary>S3 ListObjectsV2 requests that carried a continuation token (pages after the first).</summary>
    public int FollowUpListPages { get; private set; }

    public async Task InitializeAsync()
    {
        await Moto.InitializeAsync();
        Proxy = await FaultProxy.StartAsync(Moto.Endpoint);
        AthenaResultPages.ServeThrough(Proxy);
        Clients = Moto.Clients();
        await Clients.S3.PutBucketAsync(Bucket);
        ImportObjects = await UploadManifestsAsync(ManifestsPrefix);

        (Embedded, EmbeddedLayout) = await ReconcileEmbeddedAsync(ManifestsPrefix);
        FollowUpListPages = Proxy.Requests.Count(r => r.Method == "GET" && r.Query.Contains("continuation-token", StringComparison.Ordinal));
        AthenaResults = await PlayGlueAndAthenaAsync(Embedded, EmbeddedLayout, AwsLayout);
        var aws = Resource(EngineKind.Aws, AwsLayout.OutputLocation);
        aws.Spec.Transform.GlueJobName = await MotoGlueJob.CreateAsync(Moto);
        aws.Spec.Query.Database = Database;
        Aws = await RunAsync(aws, Proxy.Endpoint, "--poll-interval", "00:00:00.05");
    }

    /// <summary>The sample's manifests under <c>s3://bucket/PREFIX/{import,export}</c>; returns the import objects written.</summary>
    internal async Task<int> UploadManifestsAsync(string prefix)
    {
        var importObjects = await ManifestUpload.UploadAsync(Clients.S3, Path.Combine(Dataset.Root, "import"), Bucket,
            $"{prefix}/import", linesPerPiece: (int)Math.Max(1, Dataset.Truth.Import.Lines / ImportObjectsWanted));
        await ManifestUpload.UploadAsync(Clients.S3, Path.Combine(Dataset.Root, "export"), Bucket, $"{prefix}/export", 0);
        return importObjects;
    }

    /// <summary>The embedded engine reconciles the manifests under PREFIX, reading them from S3, into a local folder.</summary>
    internal async Task<(CliResult Result, RunLayout Layout)> ReconcileEmbeddedAsync(string manifestsPrefix)
    {
        var resource = Resource(EngineKind.Embedded, Path.Combine(root.FullName, $"embedded-{Guid.NewGuid():N}"), manifestsPrefix);
        var result = await RunAsync(resource, Proxy.Endpoint);
        var status = result.Resource.Status ?? throw new InvalidOperationException($"The embedded run printed no status: {result}");
        return (result, new RunLayout(resource.Spec.Output.Location, status.RunId!));
    }

    /// <summary>
    /// Plays Glue and Athena for an AWS run writing to <paramref name="aws"/>: uploads the embedded run's tables
    /// there and queues the answers its SQL gives on DuckDB over them.
    /// </summary>
    internal async Task<IReadOnlyList<AthenaResult>> PlayGlueAndAthenaAsync(CliResult embedded, RunLayout tables, RunLayout aws)
    {
        await UploadTablesAsync(tables, aws);
        var results = DuckDbAthenaResults.Compute(tables, embedded.Resource.Spec.Query,
            embedded.Resource.Status!.Window!.Start, Path.Combine(root.FullName, $"duckdb-{Guid.NewGuid():N}"));
        await MotoAthena.InjectManyAsync(Moto, results.Select(r => (r.Columns, r.Rows)));
        return results;
    }

    /// <summary>The generated resource with the sample's window, its manifests on this bucket and every id listed.</summary>
    internal KafkaReconciliation Resource(EngineKind engine, string output, string manifestsPrefix = ManifestsPrefix)
    {
        var resource = ResourceFile.Parse(Dataset.ResourceYaml(), "reconciliation.yaml");
        resource.Spec.Engine = engine;
        resource.Spec.Manifests.ImportLocation = $"s3://{Bucket}/{manifestsPrefix}/import";
        resource.Spec.Manifests.ExportLocation = $"s3://{Bucket}/{manifestsPrefix}/export";
        resource.Spec.Output.Location = output;
        resource.Spec.Coalesce.Enabled = false;
        resource.Spec.Query.Sets = [QuerySet.Main, QuerySet.Additional];
        resource.Spec.Query.IdsPerCollection = 10_000;
        return resource;
    }

    /// <summary>Plays the Glue job's part: the embedded transform's Parquet tables under the AWS run's prefix.</summary>
    private async Task UploadTablesAsync(RunLayout from, RunLayout to)
    {
        var folder = new ResultTableFolder(from);
        foreach (var table in RunLayout.Tables)
        {
            foreach (var file in folder.Files(table))
            {
                var (bucket, key) = S3Key(RunLayout.Join(to.Table(table), Path.GetFileName(file)));
                await Clients.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = file });
            }
        }
    }

    internal IObjectStore Store => new RoutingObjectStore(new LocalObjectStore(), () => new S3ObjectStore(Clients.S3));

    internal async Task<byte[]> ReadAsync(string location)
    {
        await using var stream = await Store.OpenReadAsync(location, CancellationToken.None);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary><c>kafka-recon run -f</c> in-process with moto's dummy credentials in the environment.</summary>
    internal Task<CliResult> RunAsync(KafkaReconciliation resource, Uri endpoint, params string[] options) =>
        RunAsync(resource, endpoint, MotoEnvironment, options);

    internal async Task<CliResult> RunAsync(
        KafkaReconciliation resource, Uri endpoint, IReadOnlyDictionary<string, string?> variables, params string[] options)
    {
        var file = WriteResource(resource);
        using var environment = new ScopedEnvironment(variables);
        var (exit, output, error) = await CliRun.RunAsync(
            ["run", "-f", file, "--aws-endpoint", endpoint.ToString(), "-o", "json", .. options]);
        return new CliResult(exit, output, error);
    }

    internal string WriteResource(KafkaReconciliation resource)
    {
        var file = Path.Combine(root.FullName, $"{resource.Spec.Engine}-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, KubernetesJson.Serialize(resource));
        return file;
    }

    internal string TemporaryFile(string name) => Path.Combine(root.FullName, name);

    internal static IReadOnlyDictionary<string, string?> MotoEnvironment { get; } = new Dictionary<string, string?>
    {
        ["AWS_REGION"] = MotoServer.Region,
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        [AwsOptions.EndpointVariable] = null,
    };

    public async Task DisposeAsync()
    {
        Clients?.Dispose();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
        await Moto.DisposeAsync();
        Dataset.Dispose();
        root.Delete(recursive: true);
    }

    private static (string Bucket, string Key) S3Key(string location)
    {
        var path = location["s3://".Length..];
        return (path[..path.IndexOf('/')], path[(path.IndexOf('/') + 1)..]);
    }
}

/// <summary>What one in-process <c>kafka-recon run -o json</c> returned, with the finished resource it printed.</summary>
internal sealed record CliResult(int Exit, string Output, string Error)
{
    public KafkaReconciliation Resource { get; } = Parse(Output);

    public override string ToString() => $"exit {Exit}\nstdout:\n{Output}\nstderr:\n{Error}";

    private static KafkaReconciliation Parse(string output)
    {
        try
        {
            return KubernetesJson.Deserialize<KafkaReconciliation>(output);
        }
        catch (System.Text.Json.JsonException)
        {
            return new KafkaReconciliation();
        }
    }
}
