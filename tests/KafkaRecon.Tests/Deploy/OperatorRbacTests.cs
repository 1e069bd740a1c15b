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
        Assert.Equal(new HashSet<string> { "get", "list", "watch", "patch" }, verbs);
    }

    [Fact]
    public void Status_is_only_replaced_and_finalizers_need_no_subresource_grant()
    {
        var rules = Rules("operator-rules.yaml");
        Assert.Equal(["update"],
            Strings(rules.Single(r => Strings(r["resources"]).SequenceEqual(["kafkareconciliations/status"]))["verbs"]));
        Assert.DoesNotContain(rules, r => Strings(r["resources"]).Contains("kafkareconciliations/finalizers"));
        Assert.DoesNotContain(rules, r => Strings(r["apiGroups"]).Contains("events.k8s.io"));
    }

    [Fact]
    public void Nightly_create_lists_creates_and_prunes_but_never_reads_by_name()
    {
        Assert.Equal(["list", "create", "delete"], Strings(Rules("nightly-rules.yaml").Single()["verbs"]));
    }
}
