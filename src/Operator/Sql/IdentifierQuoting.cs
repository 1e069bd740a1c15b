namespace KafkaRecon.Operator.Sql;

/// <summary>How the target engine quotes identifiers: DuckDB and Trino use double quotes, Spark SQL backticks.</summary>
internal enum IdentifierQuoting
{
    DoubleQuotes,
    Backticks,
}
