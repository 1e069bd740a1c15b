using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Inputs;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Retention;
using KafkaRecon.Operator.Storage;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// Moves one resource on: asks the <see cref="PhasePlanner"/> what to do, persists the planned status, then performs
/// the one planned side effect and feeds its result back, until the planner says wait. The same driver serves the
/// controller (status subresource) and <c>kafka-recon run</c> (status in memory).
/// </summary>
internal sealed class ReconciliationDriver(
    IEngineProvider engines,
    ISummarySource summaries,
    INotifier notifier,
    IStatusSink statusSink,
    IEventSink events,
    IRunObserver observer,
    TimeProvider time,
    ILogger<ReconciliationDriver> logger,
    RetentionSweep? retention = null,
    InputsProbe? inputsProbe = null,
    FirstAnswer firstAnswer = FirstAnswer.GoOn) : IReconciler
{
    /// <summary>Longest a retention pass may hold up the reconcile loop; what it did not reach waits for the next run.</summary>
    private static readonly TimeSpan RetentionBudget = TimeSpan.FromMinutes(10);

    /// <summary>A pass never loops forever, even if an engine keeps answering at once.</summary>
    private const int MaxActionsPerPass = 64;

    /// <summary>The longest delay a cancellation timer accepts; longer timeouts are left to the planner.</summary>
    private static readonly TimeSpan MaxTimer = TimeSpan.FromDays(24);

    public async Task<ReconcileOutcome> ReconcileAsync(KafkaReconciliation resource, CancellationToken cancellationToken)
    {
        ActionResult? lastResult = null;
        var unanswered = resource.Status is null;
        for (var step = 0; step < MaxActionsPerPass; step++)
        {
            var plan = PhasePlanner.Plan(InputFor(resource, lastResult));
            var plannedFor = resource.Metadata?.Generation;
            resource = await PersistAsync(resource, plan, cancellationToken);
            if (resource.Metadata?.DeletionTimestamp is not null)
            {
                // Deleted during this pass: start no further work; the next pass cancels what runs and lets it go.
                return ReconcileOutcome.Immediately;
            }
            if (resource.Metadata?.Generation != plannedFor)
            {
                // The spec changed under the write (a conflict re-read the object): the planned action is for the old
                // spec. The written status already holds the last result, so plan afresh from it.
                lastResult = null;
                continue;
            }
            if (lastResult is ActionResult.Summary)
            {
                await ApplyRetentionAsync(resource, cancellationToken);
            }
            if (plan.Action is PlannedAction.Wait)
            {
                observer.Observed(resource);
                return plan.RequeueAfter is { } delay ? ReconcileOutcome.After(delay) : ReconcileOutcome.Done;
            }
            if (unanswered && firstAnswer == FirstAnswer.Yield)
            {
                return ReconcileOutcome.Immediately;
            }
            lastResult = await ExecuteAsync(resource, plan.Action, cancellationToken);
        }
        return ReconcileOutcome.Immediately;
    }

    public async Task CancelAsync(KafkaReconciliation resource, CancellationToken cancellationToken)
    {
        observer.Deleted(resource);
        if (resource.Status is not { } status || status.Window is null || status.RunId is null)
        {
            return;
        }
        foreach (var phase in RunPhases.InOrder.Where(p => p != RunPhase.Verify))
        {
            if (status.Phases.Record(phase) is { State: PhaseState.Running or PhaseState.Submitting } record)
            {
                logger.LogInformation("Cancelling {Phase} of {Resource}", phase, Identity(resource));
                await EngineFor(resource, phase).CancelAsync(ContextFor(resource, phase, record), cancellationToken);
            }
        }
    }

    private PlanInput InputFor(KafkaReconciliation resource, ActionResult? lastResult) => new(
        Identity(resource),
        resource.Metadata.Generation ?? 1,
        resource.Metadata.Annotations?.ToDictionary() ?? new Dictionary<string, string>(),
        resource.Spec,
        resource.Status,
        lastResult,
        time.GetUtcNow());

    private async Task<KafkaReconciliation> PersistAsync(
        KafkaReconciliation resource, Plan plan, CancellationToken cancellationToken)
    {
        var before = resource.Status;
        if (before is null || KubernetesJson.Serialize(before) != KubernetesJson.Serialize(plan.Status))
        {
            resource = await statusSink.WriteStatusAsync(resource, plan.Status, cancellationToken);
            observer.StatusChanged(resource, before, plan.Status);
        }
        foreach (var planned in plan.Events)
        {
            await events.EmitAsync(resource, planned.Severity, planned.Reason, planned.Message, cancellationToken);
        }
        return resource;
    }

    private async Task<ActionResult> ExecuteAsync(
        KafkaReconciliation resource, PlannedAction action, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case PlannedAction.StartPhase start:
                return await ObserveAsync(start.Phase, (engine, token) => engine.StartAsync(
                    ContextFor(resource, start.Phase), token), resource, cancellationToken);
            case PlannedAction.PollPhase poll:
                return await ObserveAsync(poll.Phase, (engine, token) => engine.PollAsync(
                    ContextFor(resource, poll.Phase), token), resource, cancellationToken);
            case PlannedAction.CancelPhase cancel:
                await CancelPhaseAsync(resource, cancel.Phase, cancellationToken);
                return new ActionResult.Cancelled(cancel.Phase, cancel.Cause);
            case PlannedAction.ReadSummary:
                return await ReadSummaryAsync(resource, cancellationToken);
            case PlannedAction.ObserveInputs:
                return new ActionResult.InputsObserved(inputsProbe is null
                    ? InputObservation.Failed("this operator was built without an input probe")
                    : await inputsProbe.ObserveAsync(resource.Spec, resource.Status!.Window!, time.GetUtcNow(), cancellationToken));
            case PlannedAction.Notify:
                var result = await notifier.NotifyAsync(OutcomeNotificationFactory.Create(resource), cancellationToken);
                return new ActionResult.Notification(result.Delivery == NotificationDelivery.Sent, result.Reason);
            default:
                throw new InvalidOperationException($"Unknown action {action}");
        }
    }

    /// <summary>
    /// Calls the phase's engine, cut off at the phase's timeout: in-process engines do all their work inside the
    /// call, so the planner's timeout check between calls would never see them run late.
    /// </summary>
    private async Task<ActionResult> ObserveAsync(
        RunPhase phase, Func<IPhaseEngine, CancellationToken, Task<PhaseObservation>> call, KafkaReconciliation resource,
        CancellationToken cancellationToken)
    {
        using var deadline = DeadlineFor(resource, phase, cancellationToken);
        try
        {
            var observation = await call(EngineFor(resource, phase), deadline.Token);
            // Work the deadline cut short may come back as a failure rather than an exception.
            return observation.State == ObservedState.Failed && TimedOut(deadline, cancellationToken)
                ? await TimeOutAsync(resource, phase, cancellationToken)
                : new ActionResult.Phase(phase, observation);
        }
        catch (Exception) when (TimedOut(deadline, cancellationToken))
        {
            return await TimeOutAsync(resource, phase, cancellationToken);
        }
        catch (EngineNotConfiguredException e)
        {
            logger.LogWarning("{Phase} cannot run for {Resource}: {Problem}", phase, Identity(resource), e.Message);
            return new ActionResult.Phase(phase,
                PhaseObservation.Failed(PhaseFailure.EngineNotConfigured, e.Message, retryable: false));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "{Phase} engine call failed for {Resource}", phase, Identity(resource));
            // A full disk or a read-only output stays so: fail at once with the cause rather than after the retries.
            return new ActionResult.Phase(phase, PhaseObservation.Failed(
                PhaseFailure.EngineError, StorageFailure.Describe(e), retryable: !StorageFailure.IsPermanent(e)));
        }
    }

    private static bool TimedOut(CancellationTokenSource deadline, CancellationToken cancellationToken) =>
        deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested;

    private async Task<ActionResult> TimeOutAsync(KafkaReconciliation resource, RunPhase phase, CancellationToken cancellationToken)
    {
        logger.LogWarning("{Phase} of {Resource} ran past its timeout; cancelling it", phase, Identity(resource));
        await CancelPhaseAsync(resource, phase, cancellationToken);
        return new ActionResult.Cancelled(phase, CancelCause.TimedOut);
    }

    /// <summary>A token cancelled with <paramref name="cancellationToken"/> or when the phase's timeout runs out.</summary>
    private CancellationTokenSource DeadlineFor(KafkaReconciliation resource, RunPhase phase, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (phase.Timeout(resource.Spec.Timeouts) is { } timeout &&
            resource.Status?.Phases.Record(phase)?.StartTime is { } started)
        {
            var remaining = started + timeout - time.GetUtcNow();
            if (remaining < MaxTimer)
            {
                deadline.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            }
        }
        return deadline;
    }

    private async Task CancelPhaseAsync(KafkaReconciliation resource, RunPhase phase, CancellationToken cancellationToken)
    {
        try
        {
            await EngineFor(resource, phase).CancelAsync(ContextFor(resource, phase), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Cancelling {Phase} failed for {Resource}", phase, Identity(resource));
        }
    }

    /// <summary>
    /// Right after the verdict of Verify is persisted, whatever it is: best effort, so a failure is logged and
    /// announced as a Warning event but never changes the run's status.
    /// </summary>
    private async Task ApplyRetentionAsync(KafkaReconciliation resource, CancellationToken cancellationToken)
    {
        if (retention is null || resource.Status?.RunId is not { } runId)
        {
            return;
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(RetentionBudget);
        try
        {
            if (await retention.ApplyAsync(resource.Spec, resource.Metadata.Name ?? "", runId, budget.Token) is not { } result)
            {
                return;
            }
            logger.LogInformation("Retention for {Resource}: {Result}", Identity(resource), result.Describe());
            if (result.Errors.Count > 0)
            {
                await events.EmitAsync(resource, EventSeverity.Warning, "RetentionIncomplete", result.Describe(), cancellationToken);
            }
            else if (result.DeletedRuns > 0)
            {
                await events.EmitAsync(resource, EventSeverity.Normal, "RetentionApplied", result.Describe(), cancellationToken);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Retention failed for {Resource}", Identity(resource));
            await events.EmitAsync(resource, EventSeverity.Warning, "RetentionIncomplete",
                $"Retention of old runs failed: {StorageFailure.Describe(e)}", cancellationToken);
        }
    }

    private async Task<ActionResult> ReadSummaryAsync(KafkaReconciliation resource, CancellationToken cancellationToken)
    {
        var location = new RunLayout(resource.Spec.Output.Location, resource.Status!.RunId!).Summary;
        try
        {
            return new ActionResult.Summary(await summaries.ReadAsync(location, cancellationToken), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ActionResult.Summary(null, $"{location}: {e.Message}");
        }
    }

    private IPhaseEngine EngineFor(KafkaReconciliation resource, RunPhase phase)
    {
        var set = engines.For(resource.Spec.Engine);
        return phase switch
        {
            RunPhase.Coalesce => set.Coalescer,
            RunPhase.Transform => set.Transformer,
            RunPhase.Query => set.QueryRunner,
            _ => throw new InvalidOperationException("Verify has no engine: it reads the report summary."),
        };
    }

    private static PhaseContext ContextFor(KafkaReconciliation resource, RunPhase phase, PhaseRecord? record = null)
    {
        var status = resource.Status!;
        record ??= status.Phases.Record(phase)!;
        return new PhaseContext(
            Identity(resource), status.RunId!, status.Window!, resource.Spec, record.Attempt,
            record.IdempotencyKey!, record.ExternalIds.ToList());
    }

    private static ResourceIdentity Identity(KafkaReconciliation resource) => new(
        resource.Metadata.NamespaceProperty ?? "default", resource.Metadata.Name ?? "", resource.Metadata.Uid ?? "");
}
