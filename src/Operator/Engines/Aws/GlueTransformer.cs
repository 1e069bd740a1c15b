using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Inputs;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// Runs the comparison ETL as a Glue job run. Before starting, it looks for a run of the job whose
/// <c>--kafka_recon_run</c> argument is this attempt's idempotency key, so a restarted operator never starts twice,
/// and it waits while an unfinished run of another key (an earlier attempt, a re-created resource) has the same
/// <c>--run_id</c>, so no two runs ever write one run folder.
/// The run's input listing is written as two list objects the job reads (it never lists the locations itself).
/// </summary>
internal sealed class GlueTransformer(GlueClient glue, IObjectStore? store = null, TimeProvider? time = null) : ITransformer
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(60);

    /// <summary>Glue refuses runs beyond the job's MaxConcurrentRuns: wait for a slot, not a failure.</summary>
    public static readonly TimeSpan ConcurrencyLimitWait = TimeSpan.FromMinutes(5);

    public async Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var jobName = context.Spec.Transform.GlueJobName!;
        try
        {
            var runs = await glue.GetJobRunsAsync(jobName, cancellationToken).ToListAsync(cancellationToken);
            var existing = runs.FirstOrDefault(run => Argument(run, GlueArguments.IdempotencyKey) == context.IdempotencyKey);
            if (existing is not null)
            {
                // A run started before a restart keeps the run folder it was given, whatever a listing would say now.
                var startedRunId = Argument(existing, GlueArguments.RunId) ?? context.RunId;
                var started = context with { RunId = startedRunId };
                return Observe(existing, TablesLocation(started)) with { RunId = startedRunId };
            }
            var inputs = await ListInputsAsync(context, cancellationToken);
            if (inputs is not null)
            {
                // Results live under the fingerprint of what they were computed from: a changed spec or input
                // listing (or a re-created resource) gets a fresh folder, never an older run's tables or summary.
                context = context with { RunId = inputs.RunId(RunFingerprint.BaseRunId(context.RunId)) };
            }
            // An earlier attempt's run whose start was never confirmed, or a re-created resource's, may still write
            // this folder: two runs overwriting the same tables can leave both runs' files in them.
            if (runs.FirstOrDefault(run => !GlueJobRunState.IsTerminal(run.JobRunState)
                                           && Argument(run, GlueArguments.RunId) == context.RunId) is { } writer)
            {
                return PhaseObservation.Running([], PollInterval) with
                {
                    Message = $"Glue run {writer.Id} still writes run folder {context.RunId}; starting once it has ended.",
                };
            }
            if (inputs is not null)
            {
                await WriteListAsync(context.Layout.InputList("import"), inputs.Import, cancellationToken);
                await WriteListAsync(context.Layout.InputList("export"), inputs.Export, cancellationToken);
            }
            var runId = await glue.StartJobRunAsync(
                new StartJobRunRequest(jobName, GlueArguments.For(context), TimeoutMinutes(context)), cancellationToken,
                runKeyArgument: GlueArguments.IdempotencyKey);
            return PhaseObservation.Running([runId], PollInterval) with { Inputs = inputs?.Status, RunId = context.RunId };
        }
        catch (AwsServiceException e) when (e.Kind == AwsErrorKind.ConcurrencyLimit)
        {
            return PhaseObservation.Running([], ConcurrencyLimitWait) with
            {
                Delay = PhaseDelay.GlueConcurrencyLimit,
                Message = $"Glue job '{jobName}' is at its concurrent-run limit; starting again in {ConcurrencyLimitWait}.",
            };
        }
        catch (AwsServiceException e)
        {
            return AwsObservations.FromError(e, $"Starting Glue job '{jobName}'", []);
        }
        catch (AwsConfigurationException e)
        {
            return AwsObservations.NotConfigured(e, $"Starting Glue job '{jobName}'", []);
        }
    }

    /// <summary>Lists the inputs once; null without a store (the lists are then written elsewhere).</summary>
    private async Task<RunInputListing?> ListInputsAsync(PhaseContext context, CancellationToken cancellationToken) =>
        store is null
            ? null
            : await RunInputListing.ListAsync(store, context, (time ?? TimeProvider.System).GetUtcNow(), cancellationToken);

    private async Task WriteListAsync(string location, InputList list, CancellationToken cancellationToken)
    {
        var text = string.Concat(list.Locations.Select(l => l + "\n"));
        await store!.WriteAsync(location, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text), writable: false),
            cancellationToken);
    }

    public async Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        if (context.ExternalIds.Count == 0)
        {
            return await StartAsync(context, cancellationToken);
        }
        var jobName = context.Spec.Transform.GlueJobName!;
        try
        {
            var run = await glue.GetJobRunAsync(jobName, context.ExternalIds[0], cancellationToken);
            return Observe(run, TablesLocation(context));
        }
        catch (AwsServiceException e)
        {
            return AwsObservations.FromError(e, $"Observing Glue run {context.ExternalIds[0]}", context.ExternalIds);
        }
        catch (AwsConfigurationException e)
        {
            return AwsObservations.NotConfigured(e, $"Observing Glue run {context.ExternalIds[0]}", context.ExternalIds);
        }
    }

    public async Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.Spec.Transform.GlueJobName))
        {
            return;
        }
        var jobName = context.Spec.Transform.GlueJobName;
        var ids = context.ExternalIds.ToList();
        if (ids.Count == 0 && await FindRunAsync(jobName, context.IdempotencyKey, cancellationToken) is { } found)
        {
            ids.Add(found.Id);
        }
        if (ids.Count > 0)
        {
            // Stopping a run that already finished is reported per run by Glue, not thrown: nothing to do then.
            await glue.BatchStopJobRunAsync(jobName, ids, cancellationToken);
        }
    }

    internal static PhaseObservation Observe(JobRun run, string tablesLocation)
    {
        if (!GlueJobRunState.IsTerminal(run.JobRunState))
        {
            return PhaseObservation.Running([run.Id], PollInterval);
        }
        if (run.JobRunState == GlueJobRunState.Succeeded)
        {
            return PhaseObservation.Succeeded(tablesLocation, [run.Id]) with { Cost = AwsCost.Glue(run) };
        }
        return PhaseObservation.Failed(
            FailureOf(run.JobRunState),
            $"Glue run {run.Id} of job '{run.JobName}' ended {run.JobRunState}: {run.ErrorMessage ?? "no error message"}")
            with { ExternalIds = [run.Id], Cost = AwsCost.Glue(run) };
    }

    private static PhaseFailure FailureOf(string jobRunState) => jobRunState switch
    {
        "TIMEOUT" => PhaseFailure.GlueTimeout,
        "STOPPED" => PhaseFailure.GlueStopped,
        "ERROR" => PhaseFailure.GlueError,
        "EXPIRED" => PhaseFailure.GlueExpired,
        _ => PhaseFailure.GlueFailed,
    };

    private static string? Argument(JobRun run, string name) => run.Arguments?.GetValueOrDefault(name);

    private Task<JobRun?> FindRunAsync(string jobName, string key, CancellationToken cancellationToken) =>
        glue.FindRunAsync(jobName, GlueArguments.IdempotencyKey, key, cancellationToken);

    /// <summary>Glue stops (and stops billing) a run at the phase timeout of <c>spec.timeouts.transform</c>.</summary>
    internal static int TimeoutMinutes(PhaseContext context) =>
        Math.Max(1, (int)Math.Ceiling(DurationParser.Parse(context.Spec.Timeouts.Transform, "spec.timeouts.transform").TotalMinutes));

    private static string TablesLocation(PhaseContext context) => GlueArguments.TablesFolder(context.Layout);
}
