using System.Text.RegularExpressions;

namespace KafkaRecon.Tests.Monitoring;

public sealed partial class AlertRulesTests
{
    private const string RulesPath = "deploy/monitoring/alerts.yaml";
    private static readonly RuleFile Rules = RuleFile.Load(RulesPath);

    [Fact]
    public void The_rule_file_defines_the_alerts_the_issue_asks_for()
    {
        Assert.Superset(
            new HashSet<string>
            {
                "KafkaReconRecordsMissing", "KafkaReconCollectionsMissing", "KafkaReconDatabasesMissing",
                "KafkaReconRunFailed", "KafkaReconNoRecentSuccess", "KafkaReconNoSuccessRecorded",
                "KafkaReconPhaseStuck", "KafkaReconOperatorDown", "KafkaReconNoLeader",
            },
            Rules.Alerts.Select(a => a.Alert!).ToHashSet());
    }

    [Fact]
    public void Every_alert_has_a_severity_summary_and_a_description_with_its_numbers_or_labels()
    {
        Assert.All(Rules.Alerts, alert =>
        {
            Assert.Contains(alert.Labels.GetValueOrDefault("severity"), new[] { "critical", "warning" });
            Assert.False(string.IsNullOrWhiteSpace(alert.Annotations.GetValueOrDefault("summary")), $"{alert.Alert}: summary");
            var description = alert.Annotations.GetValueOrDefault("description") ?? "";
            Assert.True(
                description.Contains("$value", StringComparison.Ordinal) || description.Contains("$labels", StringComparison.Ordinal)
                || alert.Expr.Contains("absent(", StringComparison.Ordinal),
                $"{alert.Alert}: the description should show the value or the labels (absent() alerts have neither)");
        });
    }

    [Fact]
    public void Every_alert_links_to_an_existing_section_of_the_runbook()
    {
        var anchors = RunbookHeading().Matches(RepositoryFiles.Read("docs/runbook.md"))
            .Select(m => m.Groups["title"].Value.Trim().ToLowerInvariant())
            .ToHashSet();
        Assert.All(Rules.Alerts, alert =>
        {
            var url = alert.Annotations.GetValueOrDefault("runbook_url") ?? "";
            Assert.StartsWith("docs/runbook.md#", url, StringComparison.Ordinal);
            Assert.Contains(url.Split('#')[1], anchors);
            Assert.Equal(alert.Alert!.ToLowerInvariant(), url.Split('#')[1]);
        });
    }

    [Fact]
    public async Task Every_metric_used_by_a_rule_is_exposed_by_the_metrics_class()
    {
        var exposed = await RecordedMetrics.ExposedNamesAsync();
        var recorded = Rules.Groups.SelectMany(g => g.Rules).Select(r => r.Record).OfType<string>().ToHashSet();
        var unknown = Rules.Groups.SelectMany(g => g.Rules)
            .SelectMany(r => PromQlMetricNames.Extract(r.Expr).Select(name => (Rule: r.Alert ?? r.Record, Name: name)))
            .Where(x => x.Name != "up" && !exposed.Contains(x.Name) && !recorded.Contains(x.Name))
            .ToList();
        Assert.True(unknown.Count == 0, "metrics not exposed: " + string.Join("; ", unknown));
    }

    [Fact]
    public void Every_alert_has_a_promtool_test_where_it_fires_and_one_where_it_stays_quiet()
    {
        var cases = RuleTestFile.Load("deploy/monitoring/alerts.test.yaml").Tests.SelectMany(t => t.AlertRuleTest).ToList();
        Assert.All(Rules.Alerts, alert =>
        {
            Assert.True(cases.Any(c => c.Alertname == alert.Alert && c.ExpAlerts.Count > 0), $"{alert.Alert} never fires in a test");
            Assert.True(cases.Any(c => c.Alertname == alert.Alert && c.ExpAlerts.Count == 0), $"{alert.Alert} is never tested quiet");
        });
    }

    [Fact]
    public void The_missing_exports_threshold_appears_once_so_the_chart_can_substitute_it()
    {
        var text = RepositoryFiles.Read(RulesPath);
        Assert.Single(Regex.Matches(text, Regex.Escape("(kafka_recon_last_missing_exports) > 0")));
    }

    [GeneratedRegex(@"^## (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex RunbookHeading();
}
