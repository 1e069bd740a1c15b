using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// Coalesces the window's manifests with AWS Batch jobs running <c>kafka-recon coalesce</c>. Each job's name is
/// derived from the idempotency key, and an existing job with that name is reused, so a restarted operator never
/// submits a job twice.
/// </summary>
internal sealed class BatchCoalescer(BatchClient batch) : ICoalescer
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    public async Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var coalesce = context.Spec.Coalesce;
        var ids = new List<string>();
        try
        {
            foreach (var job in CoalescerJobPlan.For(context))
            {
                ids.Add(await FindAsync(coalesce.JobQueue!, job.Name, cancellationToken)
                    ?? await SubmitAsync(context, job, cancellationToken));
            }
        }
        catch (AwsServiceException e)
        {
            return AwsObservations.FromError(e, "Submitting coalescer jobs to AWS Batch", ids);
        }
        catch (AwsConfigurationException e)
        {
            return AwsObservations.NotConfigured(e, "Submitting coalescer jobs to AWS Batch", ids);
        }
        return PhaseObservation.Running(ids, PollInterval);
    }

    public async Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var planned = CoalescerJobPlan.For(context);
        if (context.ExternalIds.Count < planned.Count)
        {
            return await StartAsync(context, cancellationToken);
        }
        IReadOnlyList<BatchJobDetail> jobs;
        try
        {
            jobs = await batch.DescribeJobsAsync(context.ExternalIds, cancellationToken);
        }
        catch (AwsServiceException e)
        {
            return AwsObservations.FromError(e, "Describing coalescer jobs", context.ExternalIds);
        }
        catch (AwsConfigurationException e)
        {
            return AwsObservations.NotConfigured(e, "Describing coalescer jobs", context.ExternalIds);
        }
        return Observe(context.ExternalIds, jobs);
    }

    public async Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(context.ExternalIds, StringComparer.Ordinal);
        if (context.Spec.Coalesce.JobQueue is { } queue)
        {
            // Jobs submitted just before a crash may not be in status yet; their names still find them.
            foreach (var job in CoalescerJobPlan.For(context))
            {
                await foreach (var found in batch.FindJobsByNameAsync(queue, job.Name, cancellationToken))
                {
                    ids.Add(found.JobId);
                }
            }
        }
        if (ids.Count == 0)
        {
            return;
        }
        foreach (var job in await batch.DescribeJobsAsync(ids.ToList(), cancellationToken))
        {
            if (!BatchJobStatus.IsTerminal(job.Status))
            {
                await batch.TerminateJobAsync(job.JobId, $"Cancelled by kafka-recon for {context.Resource}", cancellationToken);
            }
        }
    }

    /// <summary>Running until every job is terminal; then Succeeded, or Failed naming each failed job's reason.</summary>
    internal static PhaseObservation Observe(IReadOnlyList<string> ids, IReadOnlyList<BatchJobDetail> jobs)
    {
        var byId = jobs.ToDictionary(j => j.JobId, StringComparer.Ordinal);
        var summaries = ids.Select(id => byId.TryGetValue(id, out var job)
            ? new JobSummary { Name = job.JobName, Id = id, State = job.Status, Reason = job.StatusReason }
            : new JobSummary { Name = "", Id = id, State = "NOT_FOUND", Reason = "AWS Batch no longer knows this job." })
            .ToList();
        var missing = summaries.Where(s => s.State == "NOT_FOUND").ToList();
        if (missing.Count > 0)
        {
            return PhaseObservation.Failed(
                PhaseFailure.BatchJobNotFound,
                $"AWS Batch does not know coalescer job(s) {string.Join(", ", missing.Select(m => m.Id))}.") with
                { ExternalIds = ids, Jobs = summaries };
        }
        if (summaries.Any(s => !BatchJobStatus.IsTerminal(s.State)))
        {
            return PhaseObservation.Running(ids, PollInterval) with { Jobs = summaries };
        }
        var failed = summaries.Where(s => s.State == BatchJobStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            var message = string.Join("; ", failed.Select(f =>
                $"Batch job {f.Name} ({f.Id}) failed: {f.Reason ?? "no status reason"}"));
            return PhaseObservation.Failed(PhaseFailure.BatchJobFailed, message) with
                { ExternalIds = ids, Jobs = summaries, Cost = AwsCost.Batch(jobs) };
        }
        return PhaseObservation.Succeeded(externalIds: ids) with { Jobs = summaries, Cost = AwsCost.Batch(jobs) };
    }

    private async Task<string?> FindAsync(string queue, string name, CancellationToken cancellationToken)
    {
        await foreach (var job in batch.FindJobsByNameAsync(queue, name, cancellationToken))
        {
            return job.JobId;
        }
        return null;
    }

    private async Task<string> SubmitAsync(PhaseContext context, CoalescerJob job, CancellationToken cancellationToken)
    {
        var coalesce = context.Spec.Coalesce;
        var response = await batch.SubmitJobAsync(
            new SubmitJobRequest(
                job.Name, coalesce.JobQueue!, coalesce.JobDefinition!,
                new ContainerOverrides(job.Command(coalesce, context.Spec.Manifests, context.Window))),
            cancellationToken);
        return response.JobId;
    }
}
