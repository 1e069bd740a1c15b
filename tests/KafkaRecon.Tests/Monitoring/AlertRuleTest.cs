namespace KafkaRecon.Tests.Monitoring;

internal sealed class AlertRuleTest
{
    public string Alertname { get; set; } = "";
    public List<Dictionary<string, object>> ExpAlerts { get; set; } = [];
}
