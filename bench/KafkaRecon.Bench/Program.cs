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
// `script RESOURCE FILE` times each statement of a SQL script over the resource's raw manifests.
if (args.Length == 3 && args[0] == "script")
{
    return await ScriptProfile.RunAsync(args[1], args[2], Console.Out);
}
// `open-cost N` times opening a DuckDB database per session against a connection to a shared one.
if (args.Length == 2 && args[0] == "open-cost")
{
    return OpenCost.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
}
// `coalesce-mode "MODE" FOLDER` runs one coalesce mode on a folder in place, to profile it (strace -c, perf).
if (args.Length == 3 && args[0] == "coalesce-mode")
{
    await CoalesceBench.Modes[args[1]](args[2]);
    return 0;
}
var options = BenchOptions.Parse(args);
if (options.Error is not null)
{
    Console.Error.WriteLine(options.Error);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
return await new Benchmark(options, Console.Out).RunAsync();
