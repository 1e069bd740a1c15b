namespace KafkaRecon.Tests.RealApiServer;

/// <summary>
/// The loop of a test that plays a node-side component (a kubelet, a Job's pod): a round every period until
/// cancelled. A failed round is reported and the next one tries again, as the component would; a round cut short by
/// the cancellation ends the loop quietly.
/// </summary>
internal static class PlayerRounds
{
    public static async Task RunAsync(
        Func<CancellationToken, Task> round, TimeSpan period, Action<Exception?> report, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await round(cancellationToken);
                report(null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                report(error);
            }
            try
            {
                await Task.Delay(period, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
