namespace KafkaRecon.OperatorBench;

/// <summary>
/// --resources N (default 1000), --namespaces N (10), --workers N (4), --max-concurrent-runs N (the operator's
/// default), --in-process (run the operator inside the benchmark process, as before, instead of as its own process),
/// --minutes N (20: how long to wait for all to finish; a loaded machine needs longer).
/// </summary>
internal sealed record BenchOptions(
    int Resources, int Namespaces, int Workers, int? MaxConcurrentRuns, bool InProcess, int Minutes = 20)
{
    public static BenchOptions Parse(string[] args)
    {
        int? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1]) : null;
        }
        return new BenchOptions(Value("--resources") ?? 1000, Value("--namespaces") ?? 10, Value("--workers") ?? 4,
            Value("--max-concurrent-runs"), args.Contains("--in-process"), Value("--minutes") ?? 20);
    }
}
