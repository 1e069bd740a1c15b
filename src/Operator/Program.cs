using KafkaRecon.Operator.Cli;

return await CliApplication.RunAsync(args);
