using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Tests.Aws;
using KafkaRecon.Tests.Support;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.EndToEnd.Aws;

/// <summary>
/// Kill and restart between submit and poll, once per phase: a child <c>kafka-recon run -f --state-file</c> is
/// killed as soon as its status records the phase's submitted work, and a new process resumes from the file.
/// moto's own job lists then show every job, run and query exactly once. Coalescing is on here: moto's Batch
/// (no Docker) does not run containers, so while the operator is down the test runs each submitted job's own
/// command line (<c>kafka-recon coalesce …</c>) in-process against moto's S3; Glue and Athena are then played from
/// the coalesced manifests as in <see cref="GeneratedSampleOnMoto"/>.
/// </summary>
public sealed partial class AwsRunEndToEndTests
{
    private static readonly TimeSpan LegLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Run_killed_after_each_submission_resumes_from_its_state_file_and_submits_nothing_twice()
    {
        var moto = sample.Moto;
        const string manifests = "restart-manifests";
        var uploaded = await sample.UploadManifestsAsync(manifests);
        var batch = await MotoBatchEnvironment.CreateAsync(moto);
        var resource = sample.Resource(EngineKind.Aws, $"s3://{sample.Bucket}/restart-output", manifests);
        resource.Spec.Coalesce.Enabled = true;
        resource.Spec.Coalesce.MinFileAge = "0s"; // the manifests were just uploaded; all of them are to be merged
        resource.Spec.Coalesce.JobQueue = batch.JobQueue;
        resource.Spec.Coalesce.JobDefinition = batch.JobDefinition;
        resource.Spec.Transform.GlueJobName = await MotoGlueJob.CreateAsync(moto);
        resource.Spec.Query.Database = GeneratedSampleOnMoto.Database;
        resource.Spec.Query.Workgroup = await MotoAthenaWorkgroup.CreateAsync(moto);
        var stateFile = sample.TemporaryFile($"state-{Guid.NewGuid():N}.json");
        string[] arguments =
        [
            "run", "-f", sample.WriteResource(resource), "--state-file", stateFile,
            "--aws-endpoint", moto.Endpoint.ToString(), "--poll-interval", "00:00:02", "-o", "json",
        ];

        var killedWhile = new List<PhaseRecord> { await KillAfterSubmissionAsync(arguments, stateFile, RunPhase.Coalesce) };
        await RunCoalescerJobsAsync(killedWhile[0].ExternalIds);
        var (embedded, tables) = await sample.ReconcileEmbeddedAsync(manifests);
        await sample.PlayGlueAndAthenaAsync(embedded, tables, new RunLayout(resource.Spec.Output.Location, tables.RunId));
        killedWhile.Add(await KillAfterSubmissionAsync(arguments, stateFile, RunPhase.Transform));
        killedWhile.Add(await KillAfterSubmissionAsync(arguments, stateFile, RunPhase.Query));
        using var last = KafkaReconProcess.Start(GeneratedSampleOnMoto.MotoEnvironment, arguments);
        var finished = await last.WaitForExitAsync(LegLimit);

        Assert.True(finished.Exit == ExitCodes.VerificationFailed, finished.ToString());
        Assert.Empty(DemoRun.Differences(finished.Resource.Status?.Results, sample.Dataset.Truth));
        Assert.InRange(await CountAsync($"s3://{sample.Bucket}/{manifests}/import"), 1, uploaded - 1);
        using var clients = moto.Clients();
        var jobs = await clients.Batch.ListJobsAsync(
            new ListJobsRequest(batch.JobQueue, Filters: [new KeyValuesPair("JOB_NAME", ["kr-*"])]), CancellationToken.None).ToListAsync();
        var glueRuns = await clients.Glue.GetJobRunsAsync(resource.Spec.Transform.GlueJobName, CancellationToken.None).ToListAsync();
        var executions = await MotoAthenaWorkgroup.ExecutionsAsync(moto, resource.Spec.Query.Workgroup);
        Assert.Equal(killedWhile[0].ExternalIds.Order(), jobs.Select(j => j.JobId).Order());
        Assert.Equal(2, jobs.Count);
        Assert.Equal(killedWhile[1].ExternalIds, glueRuns.Select(r => r.Id));
        var statements = RunLayout.Tables.Count + ReportQueryCatalog.Select(resource.Spec.Query.Sets).Count + SummaryAssembly.Queries.Count;
        Assert.Equal(statements, executions.Count);
        Assert.Equal(statements, executions.Distinct().Count());
    }

    /// <summary>Starts (or resumes) the run in a child process and kills it once <paramref name="phase"/>'s work is submitted.</summary>
    private static async Task<PhaseRecord> KillAfterSubmissionAsync(string[] arguments, string stateFile, RunPhase phase)
    {
        using var leg = KafkaReconProcess.Start(GeneratedSampleOnMoto.MotoEnvironment, arguments);
        var saved = await leg.KillWhenAsync(stateFile, status => Submitted(status, phase), LegLimit);
        var record = saved.Status!.Phases.Record(phase)!;
        Assert.Equal(PhaseState.Running, record.State);
        return record;
    }

    /// <summary>The phase's work is submitted and recorded; the process now waits before its first poll.</summary>
    private static bool Submitted(KafkaReconciliationStatus status, RunPhase phase) =>
        status.Phases.Record(phase) is { State: PhaseState.Running, ExternalIds.Count: > 0 };

    /// <summary>Does what the Batch container would: runs each submitted job's command line against moto's S3.</summary>
    private async Task RunCoalescerJobsAsync(IEnumerable<string> jobIds)
    {
        var commands = await MotoBatchJobs.CommandsAsync(sample.Moto, jobIds);
        using var environment = new ScopedEnvironment(new Dictionary<string, string?>(GeneratedSampleOnMoto.MotoEnvironment)
        {
            [AwsOptions.EndpointVariable] = sample.Moto.Endpoint.ToString(),
        });
        foreach (var command in commands)
        {
            Assert.Equal(["kafka-recon", "coalesce"], command.Take(2));
            var (exit, output, error) = await CliRun.RunAsync([.. command.Skip(1)]);
            Assert.True(exit == ExitCodes.Verified, $"{string.Join(' ', command)} exited {exit}:\n{output}\n{error}");
        }
    }

    /// <summary>Manifests below the location; the member lists coalesce writes beside merged files are hidden names.</summary>
    private async Task<int> CountAsync(string location)
    {
        var count = 0;
        await foreach (var stored in sample.Store.ListAsync(location, CancellationToken.None))
        {
            count += HiddenManifestNames.IsHidden(location, stored.Location) ? 0 : 1;
        }
        return count;
    }
}
