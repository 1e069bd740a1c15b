using System.Text.Json.Nodes;
using KafkaRecon.Tests.Crd;

namespace KafkaRecon.Tests.Deploy;

/// <summary>The operator's permissions stay least-privilege as the rules evolve.</summary>
public sealed class OperatorRbacTests
{
    private static IReadOnlyList<JsonNode> Rules(string file) =>
        YamlJson.ReadSingle(RepositoryRoot.ReadText($"charts/kafka-recon/files/rbac/{file}"))!.AsArray().Select(r => r!).ToList();

    private static IEnumerable<string> Strings(JsonNode? node) => node?.AsArray().Select(v => v!.GetValue<string>()) ?? [];

    [Theory]
    [InlineData("operator-rules.yaml")]
    [InlineData("leader-election-rules.yaml")]
    [InlineData("nightly-rules.yaml")]
    public void No_rule_uses_wildcards_or_escalating_verbs(string file)
    {
        foreach (var rule in Rules(file))
        {
            var words = Strings(rule["apiGroups"]).Concat(Strings(rule["resources"])).Concat(Strings(rule["verbs"])).ToList();
            Assert.DoesNotContain("*", words);
            Assert.DoesNotContain("escalate", words);
            Assert.DoesNotContain("bind", words);
            Assert.DoesNotContain("impersonate", words);
        }
    }

    [Fact]
    public void Operator_reads_no_secrets_unless_named_in_values()
    {
        Assert.DoesNotContain(Rules("operator-rules.yaml"), rule => Strings(rule["resources"]).Contains("secrets"));
        var template = RepositoryRoot.ReadText("charts/kafka-recon/templates/rbac.yaml");
        Assert.Contains("resources: [\"secrets\"]", template, StringComparison.Ordinal);
        Assert.Contains("resourceNames: {{ toJson . }}", template, StringComparison.Ordinal);
    }

    [Fact]
    public void Operator_neither_creates_nor_deletes_reconciliations()
    {
        var verbs = Rules("operator-rules.yaml")
            .Where(rule => Strings(rule["resources"]).Contains("kafkareconciliations"))
            .SelectMany(rule => Strings(rule["verbs"]))
            .ToHashSet();
        Assert.Equal(new HashSet<string> { "get", "list", "watch", "update", "patch" }, verbs);
    }

    [Fact]
    public void Status_and_finalizers_are_granted_exactly_what_the_controller_writes()
    {
        var rules = Rules("operator-rules.yaml");
        Assert.Equal(["get", "update", "patch"],
            Strings(rules.Single(r => Strings(r["resources"]).SequenceEqual(["kafkareconciliations/status"]))["verbs"]));
        Assert.Equal(["update"],
            Strings(rules.Single(r => Strings(r["resources"]).SequenceEqual(["kafkareconciliations/finalizers"]))["verbs"]));
    }
}
