using KafkaRecon.Tests.Support;
using System.CommandLine;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Metrics;
using KafkaRecon.Tests.Aws;
using KafkaRecon.Tests.Metrics;

namespace KafkaRecon.Tests.Engines.Aws;

/// <summary><c>kafka-recon run</c> hands <c>spec.engine: aws</c> to the AWS engines, built from the environment and <c>--aws-endpoint</c>.</summary>
[Trait("Category", "Slow")]
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class AwsRunWiringTests(MotoServer moto) : IClassFixture<MotoServer>, IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("krecon-aws-run-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Aws_engine_is_used_for_engine_aws_and_reports_a_missing_batch_queue_by_field()
    {
        using var environment = new ScopedEnvironment(new Dictionary<string, string?>
        {
            ["AWS_REGION"] = MotoServer.Region,
            ["AWS_ACCESS_KEY_ID"] = "testing",
            ["AWS_SECRET_ACCESS_KEY"] = "testing",
        });
        var file = Path.Combine(_root.FullName, "recon.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: kafkarecon.io/v1alpha1
            kind: KafkaReconciliation
            metadata:
              name: aws-test
            spec:
              engine: aws
              window:
                start: 2024-03-01T00:00:00Z
              manifests:
                importLocation: s3://bucket/import
                exportLocation: s3://bucket/export
              output:
                location: s3://bucket/out
            """);

        var (exit, stdout, stderr) = await RunAsync("run", "-f", file, "--aws-endpoint", moto.Endpoint.ToString(), "-o", "json");

        Assert.NotEqual(0, exit);
        Assert.Contains("spec.coalesce.jobQueue", stdout + stderr);
    }

    [Fact]
    public async Task Invalid_aws_endpoint_is_rejected_when_parsed()
    {
        var (exit, _, stderr) = await RunAsync("run", "-f", "recon.yaml", "--aws-endpoint", "ftp://nowhere");

        Assert.NotEqual(0, exit);
        Assert.Contains("ftp://nowhere", stderr);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", 0)]
    [InlineData("not a url", 1)]
    public void Operator_accepts_an_aws_endpoint_and_checks_it(string endpoint, int errors)
    {
        var parse = CliApplication.BuildRoot().Parse(["operator", "--aws-endpoint", endpoint]);

        Assert.Equal(errors, parse.Errors.Count);
    }

    [Fact]
    public async Task Aws_calls_are_counted_in_the_metrics()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new KafkaReconMetrics(registry, TimeProvider.System);
        using var clients = moto.Clients(observer: new MetricsAwsCallObserver(metrics));

        // Found or not, the call itself is what is counted.
        await Record.ExceptionAsync(async () =>
            await clients.Glue.GetJobRunsAsync("no-such-job", CancellationToken.None).ToListAsync());

        var samples = await Exposition.ScrapeAsync(registry);
        Assert.Contains(samples.Named("kafka_recon_aws_api_calls_total"),
            s => s.Labels["service"] == "glue" && s.Labels["operation"] == "GetJobRuns" && s.Value >= 1);
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        CliRun.RunAsync(args);
}
