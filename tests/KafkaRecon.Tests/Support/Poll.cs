using System.Diagnostics;

namespace KafkaRecon.Tests.Support;

/// <summary>
/// Bounded polling, the one way the tests wait: probes until a condition holds (or a value appears) or the time is
/// up, then fails the test naming what it waited for. Never a fixed sleep.
/// </summary>
internal static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(20);
    private static readonly object Held = new();

    public static Task UntilAsync(Func<bool> condition, string description, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), description, timeout);

    public static Task UntilAsync(Func<Task<bool>> condition, string description, TimeSpan? timeout = null) =>
        ForAsync(async () => await condition() ? Held : null, () => description, timeout);

    /// <summary>Probes until it returns a value and returns that; <paramref name="describe"/> runs only on failure.</summary>
    public static async Task<T> ForAsync<T>(
        Func<Task<T?>> probe, Func<string> describe, TimeSpan? timeout = null, TimeSpan? interval = null)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (elapsed.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0.#}s waiting until {describe()}.");
            }
            await Task.Delay(interval ?? DefaultInterval);
        }
    }
}
