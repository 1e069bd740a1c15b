using System.Text.Json.Nodes;
using KafkaRecon.Tests.Crd;

namespace KafkaRecon.Tests.Deploy;

/// <summary>The Helm chart and the kustomize bases install the same operator: same RBAC, same hardening, same probes.</summary>
public sealed class ChartAndKustomizeAgreementTests
{
    private const string Chart = "charts/kafka-recon";

    private static JsonNode Yaml(string relativePath) => YamlJson.ReadSingle(RepositoryRoot.ReadText(relativePath))!;

    private static JsonNode Values => Yaml($"{Chart}/values.yaml");

    private static JsonNode KustomizePod => Yaml("config/manager/manager.yaml")["spec"]!["template"]!["spec"]!;

    private static JsonNode KustomizeContainer => KustomizePod["containers"]![0]!;

    private static string Template(string name) => RepositoryRoot.ReadText($"{Chart}/templates/{name}");

    [Theory]
    [InlineData("config/rbac/role.yaml", "files/rbac/operator-rules.yaml")]
    [InlineData("config/rbac/leader_election_role.yaml", "files/rbac/leader-election-rules.yaml")]
    [InlineData("config/rbac/job_runner_role.yaml", "files/rbac/job-runner-rules.yaml")]
    public void Chart_and_kustomize_grant_the_same_rules(string kustomizeRole, string chartRules)
    {
        var kustomize = Yaml(kustomizeRole)["rules"];
        var chart = Yaml($"{Chart}/{chartRules}");
        Assert.True(JsonNode.DeepEquals(kustomize, chart),
            $"{kustomizeRole} rules differ from {Chart}/{chartRules}:\n{kustomize?.ToJsonString()}\n{chart.ToJsonString()}");
    }

    [Theory]
    [InlineData("rbac.yaml", "files/rbac/operator-rules.yaml")]
    [InlineData("rbac.yaml", "files/rbac/leader-election-rules.yaml")]
    [InlineData("nightly-rbac.yaml", "files/rbac/nightly-rules.yaml")]
    [InlineData("job-runner-rbac.yaml", "files/rbac/job-runner-rules.yaml")]
    public void Chart_rbac_templates_render_their_rules_from_the_shared_files(string template, string rulesFile)
    {
        Assert.Contains($".Files.Get \"{rulesFile}\"", Template(template), StringComparison.Ordinal);
    }

    [Fact]
    public void Container_security_context_is_the_same_in_chart_and_kustomize()
    {
        Assert.True(JsonNode.DeepEquals(Values["securityContext"], KustomizeContainer["securityContext"]),
            $"values.yaml securityContext {Values["securityContext"]?.ToJsonString()} != config/manager {KustomizeContainer["securityContext"]?.ToJsonString()}");
    }

    [Fact]
    public void Pod_security_context_is_the_same_in_chart_and_kustomize()
    {
        Assert.True(JsonNode.DeepEquals(Values["podSecurityContext"], KustomizePod["securityContext"]),
            $"values.yaml podSecurityContext {Values["podSecurityContext"]?.ToJsonString()} != config/manager {KustomizePod["securityContext"]?.ToJsonString()}");
    }

    [Theory]
    [InlineData("deployment.yaml")]
    [InlineData("nightly-cronjob.yaml")]
    public void Chart_workloads_take_both_security_contexts_from_values(string template)
    {
        var text = Template(template);
        Assert.Contains("toYaml .Values.securityContext", text, StringComparison.Ordinal);
        Assert.Contains("toYaml .Values.podSecurityContext", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Security_context_is_hardened()
    {
        var container = KustomizeContainer["securityContext"]!;
        Assert.False(container["allowPrivilegeEscalation"]!.GetValue<bool>());
        Assert.True(container["readOnlyRootFilesystem"]!.GetValue<bool>());
        Assert.Equal(["ALL"], container["capabilities"]!["drop"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("RuntimeDefault", container["seccompProfile"]!["type"]!.GetValue<string>());
        var pod = KustomizePod["securityContext"]!;
        Assert.True(pod["runAsNonRoot"]!.GetValue<bool>());
        Assert.True(pod["runAsUser"]!.GetValue<long>() > 0);
    }

    [Fact]
    public void Probes_port_and_temp_volume_agree()
    {
        var container = KustomizeContainer;
        Assert.Equal("/healthz", container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("/readyz", container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal(Values["operator"]!["port"]!.GetValue<long>(), container["ports"]![0]!["containerPort"]!.GetValue<long>());
        Assert.Contains("--port=8080", container["args"]!.AsArray().Select(a => a!.GetValue<string>()));

        var deployment = Template("deployment.yaml");
        Assert.Contains("path: /healthz", deployment, StringComparison.Ordinal);
        Assert.Contains("path: /readyz", deployment, StringComparison.Ordinal);
        Assert.Contains("--port={{ .Values.operator.port }}", deployment, StringComparison.Ordinal);

        Assert.Equal("/tmp", container["volumeMounts"]![0]!["mountPath"]!.GetValue<string>());
        Assert.Equal(Values["tmpVolume"]!["sizeLimit"]!.GetValue<string>(),
            KustomizePod["volumes"]![0]!["emptyDir"]!["sizeLimit"]!.GetValue<string>());
        Assert.Contains("mountPath: /tmp", deployment, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_install_the_same_image()
    {
        var image = KustomizeContainer["image"]!.GetValue<string>();
        Assert.StartsWith(Values["image"]!["repository"]!.GetValue<string>() + ":", image, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_and_kustomize_ship_the_same_crd()
    {
        Assert.Equal(
            RepositoryRoot.ReadText("config/crds/kafkarecon.io_kafkareconciliations.yaml"),
            RepositoryRoot.ReadText($"{Chart}/crds/kafkarecon.io_kafkareconciliations.yaml"));
    }
}
