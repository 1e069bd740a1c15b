namespace KafkaRecon.Operator.Metrics;

internal sealed record CollectionSnapshot(string Database, string Collection, long MissingExports, long MissingImports);
