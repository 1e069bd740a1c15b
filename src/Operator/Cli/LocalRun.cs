using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Operator.Cli;

/// <summary>Drives one resource to completion in-process, sleeping (on the injected clock) when the driver asks.</summary>
internal sealed class LocalRun(IReconciler driver, TimeProvider time)
{
    public async Task<KafkaReconciliation> DriveToCompletionAsync(
        KafkaReconciliation resource, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var outcome = await driver.ReconcileAsync(resource, cancellationToken);
                if (outcome.Finished)
                {
                    return resource;
                }
                await Task.Delay(outcome.RequeueAfter ?? TimeSpan.Zero, time, cancellationToken);
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
}
