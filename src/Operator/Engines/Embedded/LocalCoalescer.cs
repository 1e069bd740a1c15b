using KafkaRecon.Entities;
using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Inputs;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// The embedded engine's coalesce phase: merges the small manifest files of both locations in-process, one job per
/// side (and per Kafka partition of <c>spec.coalesce.partitions</c> on the import side). Finishes within
/// <see cref="StartAsync"/>; since coalescing is idempotent, a poll simply runs it again. Only files the run's input
/// rule keeps (<see cref="InputRule"/>: modified since the window's cutoff) are merged.
/// </summary>
internal sealed class LocalCoalescer(TimeProvider timeProvider, Func<string, IObjectStore>? storeFor = null) : ICoalescer
{
    public const string FailedReason = nameof(PhaseFailure.CoalesceFailed);
    private const int FailuresInMessage = 5;

    private readonly Func<string, IObjectStore> _storeFor = storeFor ?? (_ => new LocalObjectStore());

    public async Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var jobs = new List<JobSummary>();
        var messages = new List<string>();
        var failures = new List<string>();
        if (FileAge.Parse(context.Spec.Coalesce.MinFileAge, "spec.coalesce.minFileAge", out var invalidAge) is not { } minFileAge)
        {
            return PhaseObservation.Failed(PhaseFailure.InvalidSpec, invalidAge!, retryable: false);
        }
        foreach (var job in Jobs(context.Spec, minFileAge))
        {
            if (MissingFolder(job.Field, job.Request.Location) is { } missing)
            {
                return PhaseObservation.Failed(PhaseFailure.CoalesceFailed, missing, retryable: false);
            }
            CoalesceReport report;
            try
            {
                var rule = InputRule.For(job.Request.Location, job.Field, context.Spec.Manifests, context.Window,
                    timeProvider.GetUtcNow());
                var store = new PrunedObjectStore(_storeFor(job.Request.Location), rule);
                report = await new ManifestCoalescer(store, timeProvider)
                    .CoalesceAsync(job.Request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                // Listing failed before any batch started: nothing was changed.
                return PhaseObservation.Failed(PhaseFailure.CoalesceFailed,
                    $"{job.Field} '{job.Request.Location}' could not be listed: {error.Message}",
                    retryable: error is IOException) with { Jobs = jobs };
            }
            jobs.Add(new JobSummary
            {
                Name = job.Name,
                State = report.Succeeded ? nameof(ObservedState.Succeeded) : nameof(ObservedState.Failed),
                Reason = report.Succeeded ? null : FailedReason,
            });
            messages.Add($"{job.Name}: {CoalesceReportText.Summary(report)}");
            if (!report.Succeeded)
            {
                failures.Add($"{job.Name} ({job.Request.Location}): {CoalesceReportText.Failures(report, FailuresInMessage)}");
            }
        }
        if (failures.Count > 0)
        {
            return PhaseObservation.Failed(PhaseFailure.CoalesceFailed,
                    $"{failures.Count} of {jobs.Count} coalesce jobs left batches unmerged (no record was lost): " +
                    string.Join(" | ", failures))
                with { Jobs = jobs };
        }
        return PhaseObservation.Succeeded() with { Jobs = jobs, Message = string.Join(" | ", messages) };
    }

    public Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken) =>
        StartAsync(context, cancellationToken);

    public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    private static IEnumerable<(string Name, string Field, CoalesceRequest Request)> Jobs(
        KafkaReconciliationSpec spec, TimeSpan minFileAge)
    {
        var limits = new CoalesceLimits(spec.Coalesce.MaxFiles, spec.Coalesce.MaxBytes);
        const string importField = "spec.manifests.importLocation";
        if (spec.Coalesce.Partitions.Count == 0)
        {
            yield return ("import", importField,
                new CoalesceRequest(spec.Manifests.ImportLocation, [ManifestSide.Import], limits) { MinFileAge = minFileAge });
        }
        foreach (var partition in spec.Coalesce.Partitions.Distinct().Order())
        {
            yield return ($"import-partition-{partition}", importField,
                new CoalesceRequest(spec.Manifests.ImportLocation, [ManifestSide.Import], limits, partition)
                {
                    MinFileAge = minFileAge,
                });
        }
        yield return ("export", "spec.manifests.exportLocation",
            new CoalesceRequest(spec.Manifests.ExportLocation, [ManifestSide.Export], limits) { MinFileAge = minFileAge });
    }

    private static string? MissingFolder(string field, string location) =>
        ObjectStoreLocation.IsS3(location) || Directory.Exists(location) || File.Exists(location)
            ? null
            : $"{field} '{location}' does not exist; expected a folder of manifest files.";
}
