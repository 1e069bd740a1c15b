using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Terraform;

/// <summary>
/// The IAM actions kafka-recon's code needs, per role: what each client method calls (checked against the calls it
/// really makes by <c>Aws/ClientActionsTests</c>), plus what AWS services do with the caller's rights, each with
/// its reason. <see cref="IamPolicyTests"/> holds infra/terraform's policies to exactly these.
/// </summary>
internal static class RoleActions
{
    /// <summary>Client method → the actions its calls need (a retry's look-up included).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ByClientMethod = new Dictionary<string, string[]>
    {
        [$"{nameof(AthenaClient)}.{nameof(AthenaClient.StartQueryExecutionAsync)}"] = ["athena:StartQueryExecution"],
        [$"{nameof(AthenaClient)}.{nameof(AthenaClient.GetQueryExecutionAsync)}"] = ["athena:GetQueryExecution"],
        [$"{nameof(AthenaClient)}.{nameof(AthenaClient.GetAllQueryResultsAsync)}"] = ["athena:GetQueryResults"],
        [$"{nameof(AthenaClient)}.{nameof(AthenaClient.StopQueryExecutionAsync)}"] = ["athena:StopQueryExecution"],
        [$"{nameof(GlueClient)}.{nameof(GlueClient.StartJobRunAsync)}"] = ["glue:StartJobRun", "glue:GetJobRuns"],
        [$"{nameof(GlueClient)}.{nameof(GlueClient.GetJobRunAsync)}"] = ["glue:GetJobRun"],
        [$"{nameof(GlueClient)}.{nameof(GlueClient.GetJobRunsAsync)}"] = ["glue:GetJobRuns"],
        [$"{nameof(GlueClient)}.{nameof(GlueClient.FindRunAsync)}"] = ["glue:GetJobRuns"],
        [$"{nameof(GlueClient)}.{nameof(GlueClient.BatchStopJobRunAsync)}"] = ["glue:BatchStopJobRun"],
        [$"{nameof(GlueClient)}.{nameof(GlueClient.DeleteTableAsync)}"] = ["glue:DeleteTable"],
        [$"{nameof(BatchClient)}.{nameof(BatchClient.SubmitJobAsync)}"] = ["batch:SubmitJob", "batch:ListJobs"],
        [$"{nameof(BatchClient)}.{nameof(BatchClient.DescribeJobsAsync)}"] = ["batch:DescribeJobs"],
        [$"{nameof(BatchClient)}.{nameof(BatchClient.ListJobsAsync)}"] = ["batch:ListJobs"],
        [$"{nameof(BatchClient)}.{nameof(BatchClient.FindJobsByNameAsync)}"] = ["batch:ListJobs"],
        [$"{nameof(BatchClient)}.{nameof(BatchClient.TerminateJobAsync)}"] = ["batch:TerminateJob"],
        [$"{nameof(S3ObjectStore)}.{nameof(S3ObjectStore.ListAsync)}"] = ["s3:ListBucket"],
        [$"{nameof(S3ObjectStore)}.{nameof(S3ObjectStore.OpenReadAsync)}"] = ["s3:GetObject"],
        [$"{nameof(S3ObjectStore)}.{nameof(S3ObjectStore.ExistsAsync)}"] = ["s3:GetObject"],
        [$"{nameof(S3ObjectStore)}.{nameof(S3ObjectStore.StatAsync)}"] = ["s3:GetObject"],
        // Coalesce aborts the multipart uploads a killed run left behind, so their invisible parts are not billed.
        [$"{nameof(S3ObjectStore)}.{nameof(S3ObjectStore.RemoveStaleTemporariesAsync)}"] =
            ["s3:ListBucketMultipartUploads", "s3:AbortMultipartUpload"],
        // Large objects go up in parts; a failed multipart upload is aborted so no invisible parts are billed.
        [$"{nameof(S3ObjectStore)}.{nameof(S3ObjectStore.WriteAsync)}"] = ["s3:PutObject", "s3:AbortMultipartUpload"],
        [$"{nameof(S3ObjectStore)}.{nameof(S3ObjectStore.DeleteAsync)}"] = ["s3:DeleteObject"],
    };

    private static readonly string[] BucketKey = ["kms:Decrypt", "kms:GenerateDataKey"];

    /// <summary>The operator: every client method above, and what Athena does with the operator's rights.</summary>
    public static IReadOnlySet<string> Operator { get; } = ByClientMethod.Values.SelectMany(a => a)
        .Concat([
            // Athena reads the catalog and runs CREATE EXTERNAL TABLE IF NOT EXISTS with the caller's rights.
            "glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:CreateTable", "glue:GetPartition", "glue:GetPartitions",
            // Athena checks the result bucket and writes query results in parts with the caller's rights.
            "s3:GetBucketLocation", "s3:ListBucketMultipartUploads", "s3:ListMultipartUploadParts",
        ])
        .Concat(BucketKey)
        .ToHashSet();

    /// <summary>The Glue job: the ETL script's reads and writes, and Glue's logging and metrics it is configured for.</summary>
    public static IReadOnlySet<string> GlueJob { get; } = new HashSet<string>(
    [
        // Spark lists and reads the manifests; the script reads its SQL (boto3 get_object) and writes Parquet,
        // overwrite mode deleting the run's earlier table folder, multipart writes aborted on failure.
        "s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload",
        // --enable-continuous-cloudwatch-log and --enable-metrics.
        "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey",
        "cloudwatch:PutMetricData",
        .. BucketKey,
    ]);

    /// <summary>The Batch coalescer: <c>kafka-recon coalesce</c> through <see cref="S3ObjectStore"/> on the manifests.</summary>
    public static IReadOnlySet<string> Coalescer { get; } = ByClientMethod
        .Where(m => m.Key.StartsWith(nameof(S3ObjectStore), StringComparison.Ordinal))
        .SelectMany(m => m.Value)
        .Concat(BucketKey)
        .ToHashSet();
}
