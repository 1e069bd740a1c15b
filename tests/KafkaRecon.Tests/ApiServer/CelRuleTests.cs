using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Validation.Cel;

namespace KafkaRecon.Tests.ApiServer;

public sealed class CelRuleTests
{
    private static readonly JsonObject WindowSchema = (JsonObject)JsonNode.Parse("""
        {"type":"object","properties":{"start":{"type":"string","format":"date-time"},"end":{"type":"string","format":"date-time"}}}
        """)!;

    [Theory]
    [InlineData("self.end > self.start", """{"start":"2026-11-25T00:00:00Z","end":"2026-11-26T00:00:00Z"}""", true)]
    [InlineData("self.end > self.start", """{"start":"2026-11-26T00:00:00Z","end":"2026-11-25T00:00:00Z"}""", false)]
    [InlineData("self.end > self.start", """{"start":"2026-11-26T00:00:00Z","end":"2026-11-26T00:00:00Z"}""", false)]
    [InlineData("!has(self.start) || !has(self.end) || self.end > self.start", """{"start":"2026-11-26T00:00:00Z"}""", true)]
    [InlineData("!has(self.start) || !has(self.end) || timestamp(self.end) > timestamp(self.start)", """{"start":"2026-11-26T00:00:00Z","end":"2026-11-25T00:00:00+01:00"}""", false)]
    [InlineData("self.end > self.start", """{"start":"2026-11-26T01:00:00+02:00","end":"2026-11-26T00:00:00Z"}""", true)]
    public void Window_rule_compares_instants(string rule, string window, bool expected)
    {
        var result = CelEvaluator.Evaluate(CelParser.Parse(rule), JsonNode.Parse(window), WindowSchema);
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Unsupported_rule_is_rejected_when_parsed()
    {
        var error = Assert.Throws<NotSupportedException>(() => CelParser.Parse("self.items.all(i, i > 0)"));
        Assert.Contains("self.items.all(i, i > 0)", error.Message);
    }

    [Fact]
    public void Missing_key_without_has_guard_is_an_evaluation_error()
    {
        var error = Assert.Throws<CelEvaluationException>(() =>
            CelEvaluator.Evaluate(CelParser.Parse("self.end > self.start"), JsonNode.Parse("""{"start":"2026-11-26T00:00:00Z"}"""), WindowSchema));
        Assert.Equal("no such key: end", error.Message);
    }
}
