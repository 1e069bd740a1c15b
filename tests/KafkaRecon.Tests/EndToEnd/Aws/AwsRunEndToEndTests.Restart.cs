using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Tests.Aws;

namespace KafkaRecon.Tests.EndToEnd.Aws;

/// <summary>
/// Kill and restart between submit and poll, once per phase: a child <c>kafka-recon run -f --state-file</c> is
/// killed as soon as its status records the phase's submitted work, and a new process resumes from the file.
/// moto's own job lists then show every job, run and query exactly once. Coalescing is enabled here: moto's Batch
/// (no Docker) marks the jobs succeeded without running our container, so the manifests stay as uploaded; what is
/// under test is that the jobs are submitted once, not what they would merge.
/// </summary>
public sealed partial class AwsRunEndToEndTests
{
    private static readonly TimeSpan LegLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Run_killed_after_each_submission_resumes_from_its_state_file_and_submits_nothing_twice()
    {
        var moto = sample.Moto;
        var batch = await MotoBatchEnvironment.CreateAsync(moto);
        var resource = sample.Resource(EngineKind.Aws, $"s3://{sample.Bucket}/restart-output");
        resource.Spec.Coalesce.Enabled = true;
        resource.Spec.Coalesce.JobQueue = batch.JobQueue;
        resource.Spec.Coalesce.JobDefinition = batch.JobDefinition;
        resource.Spec.Transform.GlueJobName = await MotoGlueJob.CreateAsync(moto);
        resource.Spec.Query.Database = GeneratedSampleOnMoto.Database;
        resource.Spec.Query.Workgroup = await MotoAthenaWorkgroup.CreateAsync(moto);
        await sample.UploadTablesAsync(sample.EmbeddedLayout, new RunLayout(resource.Spec.Output.Location, sample.EmbeddedLayout.RunId));
        await sample.InjectAsync();
        string[] arguments =
        [
            "run", "-f", sample.WriteResource(resource), "--state-file", sample.TemporaryFile($"state-{Guid.NewGuid():N}.json"),
            "--aws-endpoint", moto.Endpoint.ToString(), "--poll-interval", "00:00:02", "-o", "json",
        ];

        var killedWhile = new List<PhaseRecord>();
        foreach (var phase in new[] { RunPhase.Coalesce, RunPhase.Transform, RunPhase.Query })
        {
            using var leg = KafkaReconProcess.Start(GeneratedSampleOnMoto.MotoEnvironment, arguments);
            var saved = await leg.KillWhenAsync(arguments[4], status => Submitted(status, phase), LegLimit);
            killedWhile.Add(saved.Status!.Phases.Record(phase)!);
        }
        using var last = KafkaReconProcess.Start(GeneratedSampleOnMoto.MotoEnvironment, arguments);
        var finished = await last.WaitForExitAsync(LegLimit);

        Assert.True(finished.Exit == ExitCodes.VerificationFailed, finished.ToString());
        Assert.Empty(Differences(finished.Resource.Status?.Results, sample.Dataset.Truth));
        Assert.All(killedWhile, record => Assert.Equal(PhaseState.Running, record.State));
        using var clients = moto.Clients();
        var jobs = await clients.Batch.ListJobsAsync(
            new ListJobsRequest(batch.JobQueue, Filters: [new KeyValuesPair("JOB_NAME", ["kr-*"])]), CancellationToken.None).ToListAsync();
        var glueRuns = await clients.Glue.GetJobRunsAsync(resource.Spec.Transform.GlueJobName, CancellationToken.None).ToListAsync();
        var executions = await MotoAthenaWorkgroup.ExecutionsAsync(moto, resource.Spec.Query.Workgroup);
        Assert.Equal(killedWhile[0].ExternalIds.Order(), jobs.Select(j => j.JobId).Order());
        Assert.Equal(2, jobs.Count);
        Assert.Equal(killedWhile[1].ExternalIds, glueRuns.Select(r => r.Id));
        var statements = RunLayout.Tables.Count + ReportQueryCatalog.Select(resource.Spec.Query.Sets).Count + AthenaSummary.Queries.Count;
        Assert.Equal(statements, executions.Count);
        Assert.Equal(statements, executions.Distinct().Count());
    }

    /// <summary>The phase's work is submitted and recorded; the process now waits before its first poll.</summary>
    private static bool Submitted(KafkaReconciliationStatus status, RunPhase phase) =>
        status.Phases.Record(phase) is { State: PhaseState.Running, ExternalIds.Count: > 0 };
}
