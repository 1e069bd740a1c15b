using KafkaRecon.Bench;

// `baseline RESOURCE` is the child process the benchmark measures for (b); anything else is the benchmark itself.
if (args.Length == 2 && args[0] == "baseline")
{
    return BaselineQuery.RunFromResource(args[1], Console.Out);
}
if (args.Length == 2 && args[0] == "profile")
{
    return await StepProfile.RunAsync(args[1], Console.Out);
}
if (args.Length == 3 && args[0] == "script")
{
    return await ScriptProfile.RunAsync(args[1], args[2], Console.Out);
}
var options = BenchOptions.Parse(args);
if (options.Error is not null)
{
    Console.Error.WriteLine(options.Error);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
return await new Benchmark(options, Console.Out).RunAsync();
