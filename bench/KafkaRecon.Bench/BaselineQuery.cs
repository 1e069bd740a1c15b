using System.Globalization;
using DuckDB.NET.Data;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Engines.Embedded;

namespace KafkaRecon.Bench;

/// <summary>
/// The engine's limit for this work: one hand-written DuckDB statement computing the run's totals straight from the
/// raw manifests, read with exactly the embedded engine's CSV options (<see cref="DuckDbManifestSource.Scan"/>).
/// Totals need only each id's latest timestamp, so it de-duplicates with MAX and writes nothing.
/// </summary>
internal static class BaselineQuery
{
    public static readonly string[] TotalNames =
    [
        "imported", "exported", "missingExports", "missingImports", "mismatchedEarlierInImport",
        "mismatchedEarlierInExport", "missingCollections", "missingDatabases",
    ];

    public static int RunFromResource(string resourcePath, TextWriter output)
    {
        var resource = ResourceFile.Load(resourcePath);
        var spec = resource.Spec;
        var start = spec.Window.Start!.Value.ToUnixTimeMilliseconds();
        var end = spec.Window.End!.Value.ToUnixTimeMilliseconds() + spec.Window.MarginMinutes * 60_000L;
        var sql = Sql(Files(spec.Manifests.ImportLocation), Files(spec.Manifests.ExportLocation), start, end);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        for (var i = 0; i < TotalNames.Length; i++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{TotalNames[i]}={Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)}"));
        }
        return 0;
    }

    public static string Sql(IReadOnlyList<string> importFiles, IReadOnlyList<string> exportFiles, long startMs, long endMs) => $"""
        WITH import_side AS (
            SELECT COALESCE(c2, '') AS d, COALESCE(c3, '') AS c, COALESCE(c0, '') AS id, MAX(TRY_CAST(c1 AS BIGINT)) AS ts
            FROM ({DuckDbManifestSource.Scan(importFiles)})
            WHERE TRY_CAST(c1 AS BIGINT) >= {startMs} AND TRY_CAST(c1 AS BIGINT) < {endMs}
              AND CAST(TRY_CAST(c1 AS BIGINT) AS VARCHAR) = c1
            GROUP BY ALL
        ), export_side AS (
            SELECT COALESCE(c2, '') AS d, COALESCE(c3, '') AS c, COALESCE(c6, '') AS id, MAX(TRY_CAST(c1 AS BIGINT)) AS ts
            FROM ({DuckDbManifestSource.Scan(exportFiles)})
            WHERE TRY_CAST(c1 AS BIGINT) >= {startMs} AND TRY_CAST(c1 AS BIGINT) < {endMs}
              AND CAST(TRY_CAST(c1 AS BIGINT) AS VARCHAR) = c1
            GROUP BY ALL
        ), per_collection AS (
            SELECT COALESCE(i.d, e.d) AS d, COALESCE(i.c, e.c) AS c,
                COUNT(i.ts) AS imported, COUNT(e.ts) AS exported,
                COUNT(CASE WHEN e.ts IS NULL THEN 1 END) AS missing_exports,
                COUNT(CASE WHEN i.ts IS NULL THEN 1 END) AS missing_imports,
                COUNT(CASE WHEN i.ts < e.ts THEN 1 END) AS earlier_in_import,
                COUNT(CASE WHEN i.ts > e.ts THEN 1 END) AS earlier_in_export
            FROM import_side i FULL OUTER JOIN export_side e ON i.d = e.d AND i.c = e.c AND i.id = e.id
            GROUP BY 1, 2
        )
        SELECT CAST(SUM(imported) AS BIGINT), CAST(SUM(exported) AS BIGINT), CAST(SUM(missing_exports) AS BIGINT),
            CAST(SUM(missing_imports) AS BIGINT), CAST(SUM(earlier_in_import) AS BIGINT),
            CAST(SUM(earlier_in_export) AS BIGINT), COUNT(CASE WHEN imported > 0 AND exported = 0 THEN 1 END),
            (SELECT COUNT(*) FROM (SELECT d FROM per_collection GROUP BY d HAVING SUM(imported) > 0 AND SUM(exported) = 0))
        FROM per_collection
        """;

    private static List<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
}
