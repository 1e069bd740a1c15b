using k8s;
using k8s.Models;
using KafkaRecon.Tests.Crd;

namespace KafkaRecon.Tests.RealApiServer;

/// <summary>
/// Binds a ServiceAccount to exactly the rules the chart renders (charts/kafka-recon/files/rbac, which config/rbac
/// mirrors), in one namespace, so the real authorizer judges the operator's calls.
/// </summary>
internal static class ChartRbac
{
    public static async Task BindAsync(k8s.Kubernetes admin, string namespaceName, string serviceAccount, params string[] ruleFiles)
    {
        var rules = ruleFiles
            .SelectMany(file => KubernetesYaml.Deserialize<List<V1PolicyRule>>(
                RepositoryRoot.ReadText($"charts/kafka-recon/files/rbac/{file}")))
            .ToList();
        var name = $"{serviceAccount}-chart-rules";
        await admin.RbacAuthorizationV1.CreateNamespacedRoleAsync(
            new V1Role { Metadata = new V1ObjectMeta { Name = name }, Rules = rules }, namespaceName);
        await admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = name },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = name },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = serviceAccount, NamespaceProperty = namespaceName }],
        }, namespaceName);
    }
}
