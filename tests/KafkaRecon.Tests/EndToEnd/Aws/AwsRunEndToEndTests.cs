using System.Text;
using System.Text.RegularExpressions;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Generation;
using KafkaRecon.Tests.Aws;

namespace KafkaRecon.Tests.EndToEnd.Aws;

/// <summary>
/// <c>kafka-recon run -f</c> with <c>engine: aws</c> against moto, end to end: manifests on S3, the Glue run and the
/// Athena queries on moto, reports written to S3 (see <see cref="GeneratedSampleOnMoto"/> for what plays Glue and Athena).
/// </summary>
[Trait("Category", "Slow")]
[Collection(ProcessEnvironmentCollection.Name)]
public sealed partial class AwsRunEndToEndTests(GeneratedSampleOnMoto sample) : IClassFixture<GeneratedSampleOnMoto>
{
    [Fact]
    public void Aws_run_ends_failed_with_exactly_the_generated_truth()
    {
        var status = sample.Aws.Resource.Status;

        Assert.True(sample.Aws.Exit == ExitCodes.VerificationFailed, sample.Aws.ToString());
        Assert.Equal(ReconciliationPhase.Failed, status!.Phase);
        Assert.Empty(DemoRun.Differences(status.Results, sample.Dataset.Truth));
        Assert.True(sample.Dataset.Truth.Totals.MissingExports > 0);
    }

    [Fact]
    public void Embedded_reference_run_on_the_same_s3_manifests_finds_the_same_truth()
    {
        Assert.True(sample.Embedded.Exit == ExitCodes.VerificationFailed, sample.Embedded.ToString());
        Assert.Empty(DemoRun.Differences(sample.Embedded.Resource.Status?.Results, sample.Dataset.Truth));
    }

    [Fact]
    public void Aws_results_live_under_the_run_id_carrying_the_input_fingerprint()
    {
        Assert.Equal(sample.AwsLayout.RunId, sample.Aws.Resource.Status!.RunId);
        Assert.Matches("-f[0-9a-f]{10}$", sample.AwsLayout.RunId);
    }

    [Fact]
    public async Task Aws_json_report_equals_the_embedded_one_byte_for_byte_but_for_its_execution_time_and_run_id()
    {
        var aws = Encoding.UTF8.GetString(await sample.ReadAsync(sample.AwsLayout.JsonReport))
            .Replace(sample.AwsLayout.RunId, sample.EmbeddedLayout.RunId, StringComparison.Ordinal);
        var embedded = Encoding.UTF8.GetString(await sample.ReadAsync(sample.EmbeddedLayout.JsonReport));

        Assert.Matches(ExecutionTime(), aws);
        Assert.Equal(ExecutionTime().Replace(embedded, "\"execution_time\": \"*\""), ExecutionTime().Replace(aws, "\"execution_time\": \"*\""));
        Assert.Contains("\"query_name\": \"Missing exported ids\"", aws);
    }

    [Fact]
    public async Task Aws_text_report_equals_the_embedded_one_byte_for_byte()
    {
        var aws = await sample.ReadAsync(sample.AwsLayout.TextReport);
        var embedded = await sample.ReadAsync(sample.EmbeddedLayout.TextReport);

        Assert.Equal(embedded, aws);
    }

    [Fact]
    public async Task Aws_summary_equals_the_embedded_one_but_for_where_its_report_lives_and_its_run_id()
    {
        var aws = Encoding.UTF8.GetString(await sample.ReadAsync(sample.AwsLayout.Summary));
        var embedded = Encoding.UTF8.GetString(await sample.ReadAsync(sample.EmbeddedLayout.Summary));

        Assert.Contains(sample.AwsLayout.JsonReport, aws);
        Assert.Equal(
            embedded.Replace(sample.EmbeddedLayout.JsonReport, "<report>"),
            aws.Replace(sample.AwsLayout.JsonReport, "<report>")
                .Replace(sample.AwsLayout.RunId, sample.EmbeddedLayout.RunId, StringComparison.Ordinal));
    }

    [Fact]
    public void More_than_1000_manifest_objects_were_listed_across_s3_pages()
    {
        Assert.True(sample.ImportObjects > 1000, $"only {sample.ImportObjects} import objects");
        Assert.True(sample.FollowUpListPages > 0, "no S3 listing needed a second page");
    }

    [Fact]
    public void More_than_1000_result_rows_were_read_across_athena_pages()
    {
        Assert.True(sample.AthenaResults.Any(result => result.Rows.Count > 1000),
            "result rows: " + string.Join(", ", sample.AthenaResults.Select(result => result.Rows.Count)));
        Assert.True(AthenaResultPages.FollowUpPages(sample.Proxy) > 0, "no Athena result needed a second page");
    }

    [Fact]
    public async Task Missing_credentials_fail_the_aws_run_with_a_clear_error()
    {
        var resource = sample.Resource(EngineKind.Aws, $"s3://{sample.Bucket}/no-credentials");
        resource.Metadata.Name = "no-credentials";
        resource.Spec.Transform.GlueJobName = "never-started";
        resource.Spec.Query.Database = GeneratedSampleOnMoto.Database;
        var withoutCredentials = NoAwsCredentials.Environment();
        withoutCredentials["AWS_REGION"] = MotoServer.Region;

        var result = await sample.RunAsync(resource, sample.Moto.Endpoint, withoutCredentials, "--poll-interval", "00:00:00.05");

        Assert.NotEqual(ExitCodes.Verified, result.Exit);
        Assert.Equal(ReconciliationPhase.Failed, result.Resource.Status?.Phase);
        Assert.Equal(1, result.Resource.Status!.Phases.Transform!.Attempt);
        Assert.Contains("No AWS credentials could be resolved", result.Output + result.Error);
        Assert.Contains("AWS_ACCESS_KEY_ID", result.Output + result.Error);
    }

    [GeneratedRegex("\"execution_time\": \"[0-9]+\\.[0-9]{6}\"")]
    private static partial Regex ExecutionTime();
}
