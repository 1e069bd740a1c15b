namespace KafkaRecon.Tests.Monitoring;

public sealed class PromQlMetricNamesTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "up", ["up"] },
        { """sum by (result) (increase(kafka_recon_runs_total{namespace=~"$namespace", result="failed"}[1h])) > 0""", ["kafka_recon_runs_total"] },
        { "time() - max by (namespace, schedule) (kafka_recon_last_success_timestamp_seconds) > 26 * 3600", ["kafka_recon_last_success_timestamp_seconds"] },
        { "a_metric > on (namespace, name) group_left () b_metric and c:recorded", ["a_metric", "b_metric", "c:recorded"] },
        { "histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))", ["x_bucket"] },
        { "absent(up{job=~\".*kafka-recon.*\"}) or vector(1e3)", ["up"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_exactly_the_selected_metric_names(string expression, string[] expected) =>
        Assert.Equal(expected.Order(), PromQlMetricNames.Extract(expression).Order());
}
