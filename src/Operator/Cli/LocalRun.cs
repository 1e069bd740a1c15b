using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Operator.Cli;

/// <summary>Drives one resource to completion in-process, sleeping (on the injected clock) when the driver asks.</summary>
/// <param name="maxWait">
/// The longest sleep between passes (<c>--poll-interval</c>), so a run against an emulator does not wait the real
/// 5-60 s poll intervals; null: sleep as long as the driver asks. Retry back-off still follows the planner's clock.
/// </param>
internal sealed class LocalRun(IReconciler driver, TimeProvider time, TimeSpan? maxWait = null)
{
    public async Task<KafkaReconciliation> DriveToCompletionAsync(
        KafkaReconciliation resource, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var outcome = await driver.ReconcileAsync(resource, cancellationToken);
                if (outcome.Finished || AwaitsOnlyARecheck(resource))
                {
                    return resource;
                }
                await Task.Delay(WaitFor(outcome.RequeueAfter ?? TimeSpan.Zero), time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted (Ctrl-C): stop the run's external work rather than leave it running unowned.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await driver.CancelAsync(resource, grace.Token);
            throw;
        }
    }

    /// <summary>
    /// A verdict is in and only a recheck (spec.recheck, hours away) is left: a local run does not sleep through it.
    /// Run again with the same --state-file after status.nextCheckTime to recheck.
    /// </summary>
    private static bool AwaitsOnlyARecheck(KafkaReconciliation resource) =>
        resource.Status is { NextCheckTime: not null, Phase: ReconciliationPhase.Succeeded or ReconciliationPhase.Failed };

    private TimeSpan WaitFor(TimeSpan requested) =>
        maxWait is { } limit && limit < requested ? limit : requested;
}
