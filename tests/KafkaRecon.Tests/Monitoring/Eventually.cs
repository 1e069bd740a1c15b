namespace KafkaRecon.Tests.Monitoring;

/// <summary>Polls a probe until it returns a value or the time is up; never a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, Func<string> explainFailure)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var value = await probe();
            if (value is not null)
            {
                return value;
            }
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"gave up after {timeout.TotalSeconds:0}s: {explainFailure()}");
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                // One last probe happens on the next loop turn.
            }
        }
    }
}
