using k8s;
using k8s.Autorest;

namespace KafkaRecon.Tests.RealApiServer;

[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class ControlPlaneTests(ControlPlane controlPlane)
{
    [RealApiServerFact]
    public async Task Serves_the_crd_to_the_admin_and_enforces_rbac_on_a_service_account_without_a_role()
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("plane");
        using var admin = controlPlane.AdminClient();
        var crd = await admin.ApiextensionsV1.ReadCustomResourceDefinitionAsync("kafkareconciliations.kafkarecon.io");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");

        var token = await controlPlane.ServiceAccountTokenAsync(namespaceName, "nobody");
        using var nobody = new k8s.Kubernetes(controlPlane.ClientConfiguration(token));
        var denied = await Assert.ThrowsAsync<HttpOperationException>(() =>
            nobody.CustomObjects.ListNamespacedCustomObjectAsync("kafkarecon.io", "v1alpha1", namespaceName, "kafkareconciliations"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, denied.Response.StatusCode);
    }
}
