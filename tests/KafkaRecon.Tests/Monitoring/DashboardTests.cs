using System.Text.Json.Nodes;

namespace KafkaRecon.Tests.Monitoring;

public sealed class DashboardTests
{
    private static readonly JsonObject Dashboard =
        JsonNode.Parse(RepositoryFiles.Read("deploy/monitoring/dashboard.json"))!.AsObject();

    private static IEnumerable<JsonObject> Panels =>
        Dashboard["panels"]!.AsArray().Select(p => p!.AsObject()).Where(p => (string?)p["type"] != "row");

    private static IEnumerable<(string Panel, string Expr)> Expressions =>
        Panels.SelectMany(p => p["targets"]!.AsArray().Select(t => ((string)p["title"]!, (string)t!["expr"]!)));

    [Fact]
    public async Task Every_metric_in_a_panel_expression_is_exposed_by_the_metrics_class()
    {
        var exposed = await RecordedMetrics.ExposedNamesAsync();
        var unknown = Expressions
            .SelectMany(e => PromQlMetricNames.Extract(e.Expr).Select(name => (e.Panel, Name: name)))
            .Where(x => x.Name != "up" && !exposed.Contains(x.Name))
            .Select(x => $"{x.Panel} uses {x.Name}")
            .ToList();
        Assert.True(unknown.Count == 0, "metrics not exposed: " + string.Join("; ", unknown));
    }

    [Fact]
    public void Panels_cover_runs_collections_phases_success_age_and_operator_health()
    {
        var used = Expressions.SelectMany(e => PromQlMetricNames.Extract(e.Expr)).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "kafka_recon_runs_total", "kafka_recon_collection_missing_exports", "kafka_recon_collection_missing_imports",
                "kafka_recon_phase_duration_seconds_bucket", "kafka_recon_last_success_timestamp_seconds", "up",
                "kafka_recon_leader", "workqueue_depth", "controller_runtime_reconcile_errors_total",
            },
            used);
    }

    [Fact]
    public void Panels_have_unique_ids_and_use_the_datasource_variable()
    {
        var ids = Dashboard["panels"]!.AsArray().Select(p => (int)p!["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(Panels, p => Assert.Equal("${datasource}", (string?)p["datasource"]!["uid"]));
        Assert.Contains(Dashboard["templating"]!["list"]!.AsArray(), v => (string?)v!["name"] == "datasource");
    }
}
