using KafkaRecon.OperatorBench;

// The operator's own logs would drown the figures; warnings and errors still show.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
return await OperatorBenchmark.RunAsync(BenchOptions.Parse(args));
