namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// One report query: its name (as shown in the report), its order, and its SQL with <c>{{placeholder}}</c>s for
/// the table names (<c>{{missing_imports}}</c>, <c>{{missing_exports}}</c>, <c>{{mismatched_timestamps}}</c>,
/// <c>{{counts}}</c>) and <c>{{ids_per_collection}}</c>.
/// </summary>
internal sealed record ReportQuery(string Name, int Order, string SqlTemplate);
