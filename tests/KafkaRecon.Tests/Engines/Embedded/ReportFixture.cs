using System.Text.Json.Nodes;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using static KafkaRecon.Tests.Engines.Embedded.ManifestLine;

namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>
/// A small dataset whose every report row is computed by hand, run once through transform and all query sets.
/// <code>
/// db.coll     imp exp load stream miss_imp miss_exp earlier_imp earlier_exp
/// db1.alpha    4   3   1     2       1       2          0           1      a2 exported earlier, a3 a4 not exported, a5 not imported
/// db1.beta     1   1   1     0       0       0          1           0      b1 imported earlier
/// db1.gamma    2   0   0     0       0       2          0           0      wholly missing collection
/// db1.omega    8   7   0     7       0       1          0           0      1 of 8 missing: 12.5% rounds to 13
/// db1.zeta     0   1   0     1       1       0          0           0      wholly missing imported collection
/// db2.delta    1   0   0     0       0       1          0           0      wholly missing database
/// db3.eps      0   2   0     2       2       0          0           0      wholly missing imported database
/// </code>
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    public static readonly long S = EmbeddedRun.StartMs;

    internal EmbeddedRun Run { get; } = new();

    internal PhaseObservation Transform { get; private set; } = null!;

    internal PhaseObservation Query { get; private set; } = null!;

    public JsonObject Json { get; private set; } = null!;

    public string Text { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Write(Run);
        Run.Spec.Query.Sets = [QuerySet.Main, QuerySet.Additional, QuerySet.Specific];
        Transform = await Run.TransformAsync();
        Query = await Run.QueryAsync();
        Json = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(Run.Layout.JsonReport))!;
        Text = await File.ReadAllTextAsync(Run.Layout.TextReport);
    }

    public Task DisposeAsync()
    {
        Run.Dispose();
        return Task.CompletedTask;
    }

    internal static void Write(EmbeddedRun run)
    {
        var imports = new List<string>
        {
            Import("a1", S + 1, "db1", "alpha"), Import("a2", S + 20, "db1", "alpha"),
            Import("a3", S + 3, "db1", "alpha"), Import("a4", S + 4, "db1", "alpha"),
            Import("b1", S + 1, "db1", "beta"),
            Import("g1", S + 1, "db1", "gamma"), Import("g2", S + 2, "db1", "gamma"),
            Import("d1", S + 1, "db2", "delta"),
        };
        imports.AddRange(Enumerable.Range(1, 8).Select(i => Import($"o{i}", S + 1, "db1", "omega")));
        var exports = new List<string>
        {
            Export("a1", S + 1, "db1", "alpha", component: "HDI"), Export("a2", S + 5, "db1", "alpha"),
            Export("a5", S + 7, "db1", "alpha", type: "MONGO_INSERT"),
            Export("b1", S + 2, "db1", "beta", component: "k2hb"),
            Export("z1", S + 3, "db1", "zeta"),
            Export("e1", S + 1, "db3", "eps"), Export("e2", S + 2, "db3", "eps"),
        };
        exports.AddRange(Enumerable.Range(1, 7).Select(i => Export($"o{i}", S + 1, "db1", "omega")));
        run.WriteImports("k2hb/main/part-1.txt", imports.ToArray());
        run.WriteExports("htme/incremental/part-1.txt", exports.ToArray());
    }

    /// <summary>The rows of the named query in the JSON report, each as "col=value, col=value".</summary>
    public IReadOnlyList<string> Rows(string queryName)
    {
        var entry = Entry(queryName);
        return entry["query_results"]!.AsArray()
            .Select(row => string.Join(", ", row!.AsObject().Select(cell => $"{cell.Key}={cell.Value!.GetValue<string>()}")))
            .ToList();
    }

    public JsonObject Entry(string queryName) =>
        Json["query_results"]!.AsArray().Select(entry => entry!.AsObject())
            .Single(entry => entry["query_details"]!["query_name"]!.GetValue<string>() == queryName);
}
