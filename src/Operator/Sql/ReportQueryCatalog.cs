using System.Text.Json;
using System.Text.Json.Nodes;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Sql;

/// <summary>
/// The report queries of each set (<c>Sql/queries/&lt;set&gt;/NN_slug.json</c> + <c>.sql</c>). Orders within a set
/// must be exactly 1..N, so no query is silently skipped (the reference's runner dropped gaps).
/// </summary>
internal static class ReportQueryCatalog
{
    public static string SetName(QuerySet set) => set switch
    {
        QuerySet.Main => "main",
        QuerySet.Additional => "additional",
        QuerySet.Specific => "specific",
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, "Unknown query set."),
    };

    /// <summary>The enabled queries of the given sets: sets in the order given (each once), queries by order.</summary>
    public static IReadOnlyList<ReportQuery> Select(IEnumerable<QuerySet> sets) =>
        sets.Distinct().SelectMany(Load).Where(query => query.Enabled).ToList();

    /// <summary>Every query of one set, enabled or not, ascending by order.</summary>
    public static IReadOnlyList<ReportQuery> Load(QuerySet set)
    {
        var folder = $"queries/{SetName(set)}";
        var queries = SqlResources.List(folder)
            .Where(path => path.EndsWith(".json", StringComparison.Ordinal))
            .Select(path => Parse(set, folder, path))
            .OrderBy(query => query.Order)
            .ToList();
        for (var index = 0; index < queries.Count; index++)
        {
            if (queries[index].Order != index + 1)
            {
                throw new InvalidOperationException(
                    $"Query set '{SetName(set)}' must number its queries 1..{queries.Count} without gaps or repeats; " +
                    $"found orders {string.Join(", ", queries.Select(q => q.Order))}.");
            }
        }
        return queries;
    }

    private static ReportQuery Parse(QuerySet set, string folder, string path)
    {
        var metadata = JsonNode.Parse(SqlResources.Read(path)) as JsonObject
            ?? throw new InvalidOperationException($"Sql/{path} is not a JSON object.");
        var type = Required<string>(metadata, "query_type", path);
        if (type != SetName(set))
        {
            throw new InvalidOperationException($"Sql/{path} has query_type '{type}' but lives in set '{SetName(set)}'.");
        }
        var sqlPath = $"{folder}/{Required<string>(metadata, "query_file", path)}";
        _ = SqlResources.Read(sqlPath);
        return new ReportQuery(
            set,
            Required<string>(metadata, "query_name", path),
            Required<string>(metadata, "query_description", path),
            Required<int>(metadata, "order", path),
            Required<bool>(metadata, "enabled", path),
            Required<bool>(metadata, "show_column_names", path),
            sqlPath,
            metadata);
    }

    private static T Required<T>(JsonObject metadata, string field, string path)
    {
        try
        {
            return metadata[field] is { } node
                ? node.GetValue<T>()
                : throw new InvalidOperationException($"Sql/{path} lacks the field '{field}'.");
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException
                                              && metadata[field] is not null)
        {
            throw new InvalidOperationException(
                $"Sql/{path} field '{field}' must be a {typeof(T).Name}: {exception.Message}", exception);
        }
    }
}
