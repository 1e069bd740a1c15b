using System.Text.Json;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines.Aws;

namespace KafkaRecon.Tests.Engines.Aws;

public sealed class AwsCostTests
{
    [Theory]
    // Glue reports DPUSeconds for auto-scaling and Flex runs: that figure wins.
    [InlineData("""{"Id":"jr_1","JobRunState":"SUCCEEDED","ExecutionTime":100,"WorkerType":"G.1X","NumberOfWorkers":10,"DPUSeconds":640.5}""", 640.5)]
    // Otherwise execution time x workers x the worker type's DPUs.
    [InlineData("""{"Id":"jr_1","JobRunState":"SUCCEEDED","ExecutionTime":100,"WorkerType":"G.2X","NumberOfWorkers":10,"MaxCapacity":20.0}""", 2000.0)]
    [InlineData("""{"Id":"jr_1","JobRunState":"FAILED","ExecutionTime":30,"WorkerType":"G.025X","NumberOfWorkers":2}""", 15.0)]
    // A legacy capacity-only run: execution time x MaxCapacity.
    [InlineData("""{"Id":"jr_1","JobRunState":"SUCCEEDED","ExecutionTime":60,"MaxCapacity":0.0625}""", 3.75)]
    public void Glue_cost_follows_the_run_s_own_figures(string json, double dpuSeconds)
    {
        var run = JsonSerializer.Deserialize<JobRun>(json, AwsJson.PascalCase)!;

        Assert.Equal(dpuSeconds, AwsCost.Glue(run)!.GlueDpuSeconds);
    }

    [Fact]
    public void Glue_run_without_an_execution_time_has_no_cost_yet()
    {
        var run = JsonSerializer.Deserialize<JobRun>("""{"Id":"jr_1","JobRunState":"SUCCEEDED","WorkerType":"G.1X","NumberOfWorkers":2}""", AwsJson.PascalCase)!;

        Assert.Null(AwsCost.Glue(run));
    }

    [Fact]
    public void Batch_cost_is_each_job_s_vcpus_times_its_run_time_and_unstarted_jobs_cost_nothing()
    {
        var jobs = JsonSerializer.Deserialize<DescribeJobsResponse>("""
            {"jobs": [
              {"jobId":"a","jobName":"a","status":"SUCCEEDED","startedAt":1000,"stoppedAt":61000,
               "container":{"resourceRequirements":[{"type":"MEMORY","value":"2048"},{"type":"VCPU","value":"0.5"}]}},
              {"jobId":"b","jobName":"b","status":"SUCCEEDED","startedAt":0,"stoppedAt":10000,"container":{"vcpus":4}},
              {"jobId":"c","jobName":"c","status":"FAILED","stoppedAt":5000,"container":{"vcpus":8}}
            ]}
            """, AwsJson.CamelCase)!.Jobs!;

        Assert.Equal(0.5 * 60 + 4 * 10, AwsCost.Batch(jobs).BatchVcpuSeconds);
    }

    [Fact]
    public void Athena_cost_sums_the_bytes_every_query_scanned()
    {
        var executions = new[] { 1_000L, 0L, 2_500L }
            .Select((bytes, i) => JsonSerializer.Deserialize<GetQueryExecutionResponse>(
                $$"""{"QueryExecution":{"QueryExecutionId":"q{{i}}","Status":{"State":"SUCCEEDED"},"Statistics":{"DataScannedInBytes":{{bytes}}""" + "}}}",
                AwsJson.PascalCase)!.QueryExecution)
            .Append(new QueryExecution("q9", null, new QueryExecutionStatus("FAILED")));

        Assert.Equal(3_500L, AwsCost.Athena(executions).AthenaBytesScanned);
    }

    [Fact]
    public void Attempts_add_up_per_item_and_an_item_no_attempt_reported_stays_absent()
    {
        var cost = new RunCost { BatchVcpuSeconds = 5, GlueDpuSeconds = 1 }
            .Plus(new RunCost { GlueDpuSeconds = 7 })
            .Plus(new RunCost { GlueDpuSeconds = 2 });

        Assert.Equal(new RunCost { BatchVcpuSeconds = 5, GlueDpuSeconds = 10 }, cost);
    }
}
