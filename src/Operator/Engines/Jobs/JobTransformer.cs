using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Engines.Jobs;

/// <summary>
/// Runs the embedded transform in a batch/v1 Job of its own (<c>spec.transform.runner: job</c>) and polls it as the
/// Glue transformer polls its run. The Job is named by the phase's idempotency key, so starting again (a restarted
/// operator, a retried call) finds it rather than creating a second. A completed Job is not trusted on its word: the
/// phase succeeds only when <paramref name="published"/> (the embedded transformer's own check) finds the run's
/// complete tables under the run id its pod reported. A vanished Job, or one whose pod's report is gone, fails the
/// phase (retryable: the next attempt runs under a new key and finds tables of the same fingerprint at once). Cancelling deletes the Job and its pod.
/// </summary>
internal sealed class JobTransformer(IKubernetes kubernetes, JobRunnerSettings settings, ITransformer published, ILogger logger)
    : ITransformer
{
    public async Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var name = PhaseJobManifest.NameFor(context);
        if (await ReadAsync(name, cancellationToken) is { } existing)
        {
            return await ObserveAsync(context, existing, cancellationToken);
        }
        try
        {
            await kubernetes.BatchV1.CreateNamespacedJobAsync(
                PhaseJobManifest.For(context, RunPhase.Transform, settings), settings.Namespace,
                cancellationToken: cancellationToken);
            logger.LogInformation("{Resource}: transform runs in Job {Namespace}/{Job}", context.Resource, settings.Namespace, name);
        }
        catch (HttpOperationException conflict) when (conflict.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Created by an earlier call whose answer was lost: the same work, observed below.
        }
        return Running(name);
    }

    public async Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken) =>
        await ObserveAsync(context, await ReadAsync(PhaseJobManifest.NameFor(context), cancellationToken), cancellationToken);

    public async Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var name = PhaseJobManifest.NameFor(context);
        try
        {
            await kubernetes.BatchV1.DeleteNamespacedJobAsync(name, settings.Namespace,
                new V1DeleteOptions { PropagationPolicy = "Background" }, cancellationToken: cancellationToken);
            logger.LogInformation("{Resource}: deleted Job {Namespace}/{Job}", context.Resource, settings.Namespace, name);
        }
        catch (HttpOperationException missing) when (missing.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Never created, or already gone.
        }
    }

    private async Task<PhaseObservation> ObserveAsync(PhaseContext context, V1Job? job, CancellationToken cancellationToken)
    {
        var name = PhaseJobManifest.NameFor(context);
        var ended = PhaseJobStates.IsFinished(job) ? await TerminationAsync(name, cancellationToken) : null;
        switch (PhaseJobStates.Of(job, ended))
        {
            case PhaseJobState.Running:
                return Running(name);
            case PhaseJobState.Failed failed:
                return PhaseObservation.Failed(failed.Failure, failed.Message, failed.Retryable) with { ExternalIds = [name] };
            case PhaseJobState.Completed { Result: null }:
                return PhaseObservation.Failed(PhaseFailure.TablesMissing,
                    $"Job {settings.Namespace}/{name} completed, but its pod's report (which run id its tables are " +
                    "under) is gone; the next attempt runs the transform again in a new Job.") with { ExternalIds = [name] };
            case PhaseJobState.Completed { Result: { } result }:
                var checkedContext = context with { RunId = result.RunId ?? context.RunId };
                var tables = await published.PollAsync(checkedContext, cancellationToken);
                return tables.State == ObservedState.Succeeded
                    ? tables with { ExternalIds = [name], RunId = checkedContext.RunId, Inputs = result.Inputs }
                    : PhaseObservation.Failed(PhaseFailure.TablesMissing,
                        $"Job {settings.Namespace}/{name} completed, but the run's tables are not all published: {tables.Message}")
                        with { ExternalIds = [name] };
            default:
                // Tables complete under the plain run id may be an earlier run's (another fingerprint, e.g. a
                // re-created resource): only the Job's report says where its own went, so the next attempt asks again.
                return PhaseObservation.Failed(PhaseFailure.TransformInterrupted,
                    $"Job {settings.Namespace}/{name} no longer exists and did not report its tables; " +
                    "the next attempt runs the transform again in a new Job.") with { ExternalIds = [name] };
        }
    }

    private PhaseObservation Running(string name) => PhaseObservation.Running([name], settings.PollInterval) with
    {
        Message = $"Running in Job {settings.Namespace}/{name}",
    };

    private async Task<V1Job?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await kubernetes.BatchV1.ReadNamespacedJobAsync(name, settings.Namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException missing) when (missing.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>How the Job's latest ended pod's container ended (its termination message carries the phase's result).</summary>
    private async Task<V1ContainerStateTerminated?> TerminationAsync(string name, CancellationToken cancellationToken)
    {
        var pods = await kubernetes.CoreV1.ListNamespacedPodAsync(settings.Namespace,
            labelSelector: $"{PhaseJobManifest.JobLabel}={name}", cancellationToken: cancellationToken);
        return pods.Items
            .Select(pod => pod.Status?.ContainerStatuses?.FirstOrDefault(c => c.Name == PhaseJobManifest.ContainerName)?.State?.Terminated)
            .Where(terminated => terminated is not null)
            .OrderByDescending(terminated => terminated!.FinishedAt)
            .FirstOrDefault();
    }
}
