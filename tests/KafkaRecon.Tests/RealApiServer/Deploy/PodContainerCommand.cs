using System.Text.RegularExpressions;
using k8s.Models;

namespace KafkaRecon.Tests.RealApiServer.Deploy;

/// <summary>
/// What the kubelet would hand the operator container of a pod: its environment (fieldRefs resolved from the pod),
/// its args with <c>$(VAR)</c> expanded, the probe port moved to a free local one, and the pod's ServiceAccount token
/// as a kubeconfig instead of the projected volume.
/// </summary>
internal static partial class PodContainerCommand
{
    public static Dictionary<string, string> Environment(V1Pod pod) => Container(pod).Env
        .Where(variable => variable.Value is not null || variable.ValueFrom?.FieldRef is not null)
        .ToDictionary(variable => variable.Name, variable => variable.Value ?? FieldValue(pod, variable.ValueFrom.FieldRef.FieldPath));

    public static List<string> Arguments(V1Pod pod, int port, string kubeconfig)
    {
        var environment = Environment(pod);
        return
        [
            .. Container(pod).Args
                .Select(argument => Reference().Replace(argument, match =>
                    environment.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value))
                .Select(argument => argument.StartsWith("--port=", StringComparison.Ordinal) ? $"--port={port}" : argument),
            "--kubeconfig", kubeconfig,
        ];
    }

    private static V1Container Container(V1Pod pod) => pod.Spec.Containers.Single(c => c.Name == "operator");

    private static string FieldValue(V1Pod pod, string path) => path switch
    {
        "metadata.name" => pod.Metadata.Name,
        "metadata.namespace" => pod.Metadata.NamespaceProperty,
        "spec.serviceAccountName" => pod.Spec.ServiceAccountName,
        _ => throw new NotSupportedException($"The played kubelet does not resolve fieldRef {path}."),
    };

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
