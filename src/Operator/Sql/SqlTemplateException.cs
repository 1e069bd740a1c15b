namespace KafkaRecon.Operator.Sql;

/// <summary>A SQL template or one of its parameters is invalid; the message names which and why.</summary>
internal sealed class SqlTemplateException(string message) : Exception(message);
