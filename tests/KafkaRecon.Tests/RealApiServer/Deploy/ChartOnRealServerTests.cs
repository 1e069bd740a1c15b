using KafkaRecon.Tests.Crd;

namespace KafkaRecon.Tests.RealApiServer.Deploy;

[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class ChartOnRealServerTests(ControlPlane controlPlane)
{
    private static readonly Dictionary<string, string> Restricted = new()
    {
        ["pod-security.kubernetes.io/enforce"] = "restricted",
        ["pod-security.kubernetes.io/enforce-version"] = "latest",
    };

    private static string Chart => RepositoryRoot.File(Path.Combine("charts", "kafka-recon"));

    [RealApiServerTheory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Chart_lints_strictly_renders_manifests_the_server_accepts_under_restricted_pod_security_and_installs(int major)
    {
        var helm = Helm.Executable(major);
        var namespaceName = await controlPlane.CreateNamespaceAsync($"helm{major}", Restricted);
        using var kubectl = new ClusterKubectl(controlPlane, controlPlane.AdminToken, namespaceName);
        var release = $"recon{major}";

        await Succeeds(kubectl.RunToolAsync(helm, "lint", "--strict", Chart), $"helm {major} lint --strict");
        var (_, rendered, _) = await Succeeds(kubectl.RunToolAsync(helm, "template", release, Chart, "--namespace", namespaceName,
            "--include-crds"), $"helm {major} template");
        await Succeeds(kubectl.RunAsync("apply", "--dry-run=server", "--validate=strict", "-n", namespaceName, "-f",
            kubectl.WriteFile("rendered.yaml", rendered)), "server-side dry run of every rendered manifest");

        await Succeeds(kubectl.RunToolAsync(helm, "install", release, Chart, "--namespace", namespaceName, "--skip-crds"),
            $"helm {major} install");
        var (_, deployments, _) = await Succeeds(kubectl.RunAsync("get", "deployments", "-n", namespaceName, "-o", "name"), "list");
        Assert.Contains($"deployment.apps/{release}-kafka-recon", deployments, StringComparison.Ordinal);
        await Succeeds(kubectl.RunToolAsync(helm, "uninstall", release, "--namespace", namespaceName), $"helm {major} uninstall");
    }

    [RealApiServerTheory]
    [InlineData("one-replica-no-nightly")]
    [InlineData("watched-namespaces-and-schedules")]
    [InlineData("nightly-elsewhere-with-extras")]
    public async Task Chart_with_unusual_values_renders_manifests_the_server_accepts(string values)
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("odd", Restricted);
        var other = await controlPlane.CreateNamespaceAsync("team", Restricted);
        using var kubectl = new ClusterKubectl(controlPlane, controlPlane.AdminToken, namespaceName);
        string[] settings = values switch
        {
            "one-replica-no-nightly" => ["--set", "replicaCount=1", "--set", "nightly.enabled=false"],
            "watched-namespaces-and-schedules" =>
            [
                "--set", $"operator.watchNamespaces={{{namespaceName},{other}}}", "--set", "rbac.secretNames={slack}",
                "--set-json", "nightly.schedules=[{\"name\":\"weekdays\",\"schedule\":\"30 2 * * 1-6\"}," +
                              "{\"name\":\"sunday\",\"schedule\":\"30 8 * * 0\",\"timeZone\":\"Europe/London\"}]",
            ],
            _ =>
            [
                "--set", $"nightly.namespace={other}", "--set", "networkPolicy.enabled=true",
                "--set", "dashboard.enabled=true", "--set", "replicaCount=3", "--set", "operator.workers=4",
            ],
        };

        var (_, rendered, _) = await Succeeds(kubectl.RunToolAsync(Helm.Executable(4),
            ["template", "odd", Chart, "--namespace", namespaceName, .. settings]), $"helm template with {values}");
        // No -n: these manifests span two namespaces, each object names its own.
        await Succeeds(kubectl.RunAsync("apply", "--dry-run=server", "--validate=strict", "-f",
            kubectl.WriteFile("rendered.yaml", rendered)), $"server-side dry run with {values}");
        // One replica runs without leader election: nothing may grant the Lease it never takes.
        Assert.Equal(values != "one-replica-no-nightly", rendered.Contains("coordination.k8s.io", StringComparison.Ordinal));
    }

    [RealApiServerFact]
    public async Task Kustomize_output_and_the_crd_folder_are_accepted_by_the_server_under_restricted_pod_security()
    {
        using var admin = controlPlane.AdminClient();
        using var kubectl = new ClusterKubectl(controlPlane, controlPlane.AdminToken, "default");
        // config/default creates kafka-recon-system; a dry run cannot create what the other objects live in.
        await Succeeds(kubectl.RunAsync("create", "namespace", "kafka-recon-system"), "namespace");
        await Succeeds(kubectl.RunAsync("label", "namespace", "kafka-recon-system",
            "pod-security.kubernetes.io/enforce=restricted", "--overwrite"), "label");
        var (_, rendered, _) = await Succeeds(kubectl.RunAsync("kustomize", RepositoryRoot.File("config/default")), "kustomize");
        await Succeeds(kubectl.RunAsync("apply", "--dry-run=server", "--validate=strict", "-f",
            kubectl.WriteFile("kustomized.yaml", rendered)), "server-side dry run of the kustomize output");
        await Succeeds(kubectl.RunAsync("apply", "--dry-run=server", "--validate=strict", "-f",
            RepositoryRoot.File("config/crds") + "/"), "kubectl apply -f config/crds/");
    }

    private static async Task<(int ExitCode, string Output, string Error)> Succeeds(
        Task<(int ExitCode, string Output, string Error)> run, string what)
    {
        var result = await run;
        Assert.True(result.ExitCode == 0, $"{what} failed ({result.ExitCode}):\n{result.Output}\n{result.Error}");
        return result;
    }
}
