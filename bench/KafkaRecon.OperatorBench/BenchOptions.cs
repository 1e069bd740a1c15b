namespace KafkaRecon.OperatorBench;

/// <summary>--resources N (default 1000), --namespaces N (10), --workers N (4).</summary>
internal sealed record BenchOptions(int Resources, int Namespaces, int Workers)
{
    public static BenchOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1]) : fallback;
        }
        return new BenchOptions(Value("--resources", 1000), Value("--namespaces", 10), Value("--workers", 4));
    }
}
