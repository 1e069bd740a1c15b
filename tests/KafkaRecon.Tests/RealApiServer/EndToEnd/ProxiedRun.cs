using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Tests.Coalescing;
using KafkaRecon.Tests.EndToEnd;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.RealApiServer.EndToEnd;

/// <summary>
/// One embedded run of a generated sample in its own namespace of the real API server, reconciled by
/// <c>kafka-recon operator</c> processes that reach the server through a <see cref="HoldingApiProxy"/>.
/// </summary>
internal sealed class ProxiedRun : IAsyncDisposable
{
    public const string Name = "run";
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly TemporaryFolder _logs = new();
    private readonly List<OperatorProcess> _operators = [];

    private ProxiedRun(string namespaceName, k8s.Kubernetes admin, HoldingApiProxy proxy, GeneratedDataset dataset)
    {
        Namespace = namespaceName;
        Admin = admin;
        Proxy = proxy;
        Dataset = dataset;
    }

    public string Namespace { get; }

    public k8s.Kubernetes Admin { get; }

    public HoldingApiProxy Proxy { get; }

    public GeneratedDataset Dataset { get; }

    /// <param name="operatorToken">The operators' token for the new namespace; null: the administrator's.</param>
    /// <param name="namespaceLabels">Labels of the new namespace (Pod Security admission, say).</param>
    public static async Task<ProxiedRun> StartAsync(ControlPlane controlPlane, string prefix,
        Func<string, Task<string>>? operatorToken = null, IDictionary<string, string>? namespaceLabels = null)
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync(prefix, namespaceLabels);
        var token = operatorToken is null ? controlPlane.AdminToken : await operatorToken(namespaceName);
        var proxy = await HoldingApiProxy.StartAsync(controlPlane, token);
        return new ProxiedRun(namespaceName, controlPlane.AdminClient(), proxy, new GeneratedDataset(records: 500));
    }

    /// <summary>Holds the next status write of the run that records <paramref name="phase"/> as ended.</summary>
    public Task<string> HoldEndOf(RunPhase phase) => Proxy.HoldNext((method, path, body) =>
        method == "PUT" && path.EndsWith($"/{Name}/status", StringComparison.Ordinal) && Ends(body, phase));

    /// <param name="arguments">Further flags of <c>kafka-recon operator</c>.</param>
    /// <param name="environment">Further environment of the process.</param>
    public OperatorProcess StartOperator(
        IEnumerable<string>? arguments = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort.Next();
        var process = OperatorProcess.Start(
        [
            "operator", "--server", Proxy.Url, "--namespaces", Namespace,
            "--port", port.ToString(CultureInfo.InvariantCulture), "--log-format", "text", "--grace-period", "1s",
            .. arguments ?? [],
        ], port, _logs.Combine($"operator-{_operators.Count}.log"), environment);
        _operators.Add(process);
        return process;
    }

    public async Task CreateAsync(Action<KafkaReconciliation>? change = null)
    {
        var resource = KubernetesYaml.Deserialize<KafkaReconciliation>(Dataset.ResourceYaml(Name));
        change?.Invoke(resource);
        await Admin.CustomObjects.CreateNamespacedCustomObjectAsync(resource, KafkaReconciliation.Group,
            KafkaReconciliation.Version, Namespace, KafkaReconciliation.Plural);
    }

    public async Task<KafkaReconciliation?> TryReadAsync()
    {
        try
        {
            var raw = await Admin.CustomObjects.GetNamespacedCustomObjectAsync(
                KafkaReconciliation.Group, KafkaReconciliation.Version, Namespace, KafkaReconciliation.Plural, Name);
            return KubernetesJson.Deserialize<KafkaReconciliation>(KubernetesJson.Serialize(raw));
        }
        catch (k8s.Autorest.HttpOperationException missing) when (missing.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<KafkaReconciliation> ReadAsync() =>
        await TryReadAsync() ?? throw new InvalidOperationException($"{Namespace}/{Name} does not exist.");

    public async Task<KafkaReconciliation> WaitAsync(Func<KafkaReconciliation, bool> condition, string what)
    {
        KafkaReconciliation? last = null;
        return await Poll.ForAsync(async () => (last = await TryReadAsync()) is { } resource && condition(resource) ? resource : null,
            () => $"{what}; last status: {KubernetesJson.Serialize(last?.Status)}\n{Logs()}", Limit, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>A merge patch of the resource (spec, annotations), as <c>kubectl patch --type=merge</c> sends it.</summary>
    public Task PatchAsync(string mergePatch) => Admin.CustomObjects.PatchNamespacedCustomObjectAsync(
        new k8s.Models.V1Patch(mergePatch, k8s.Models.V1Patch.PatchType.MergePatch),
        KafkaReconciliation.Group, KafkaReconciliation.Version, Namespace, KafkaReconciliation.Plural, Name);

    /// <summary>The run's results equal the sample's truth.</summary>
    public void AssertExactTotals(KafkaReconciliation done)
    {
        var truth = Dataset.Truth.Totals;
        var results = done.Status!.Results!;
        Assert.Equal((truth.Imported, truth.Exported, truth.MissingExports, truth.MissingImports),
            (results.Imported, results.Exported, results.MissingExports, results.MissingImports));
    }

    public string Logs() => string.Join('\n', _operators.Select((o, i) => $"operator {i}:\n{o.Tail()}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _operators)
        {
            process.Dispose();
        }
        await Proxy.DisposeAsync();
        Admin.Dispose();
        Dataset.Dispose();
        _logs.Dispose();
    }

    /// <summary>A status write that records <paramref name="phase"/> as ended (succeeded, failed or skipped).</summary>
    private static bool Ends(string body, RunPhase phase)
    {
        var state = JsonNode.Parse(body)?["status"]?["phases"]?[phase.Name()]?["state"]?.GetValue<string>();
        return state is nameof(PhaseState.Succeeded) or nameof(PhaseState.Failed) or nameof(PhaseState.Skipped);
    }
}
