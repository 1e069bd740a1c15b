using KafkaRecon.Operator.Kubernetes.Hosting;
using KafkaRecon.Operator.Kubernetes.Store;

namespace KafkaRecon.Tests.Kubernetes.Store;

/// <summary>The one connection rule, shared by the operator (KubeConnectionOptions) and create.</summary>
public sealed class KubernetesConnectionTests
{
    [Fact]
    public void Server_alone_is_used_as_given()
    {
        var config = KubernetesConnection.Configure(null, null, "http://127.0.0.1:6443");
        Assert.Equal("http://127.0.0.1:6443", config.Host);
    }

    [Fact]
    public void Operator_options_resolve_by_the_same_rule() =>
        Assert.Equal("http://127.0.0.1:6443", new KubeConnectionOptions(Server: "http://127.0.0.1:6443").ToClientConfiguration().Host);

    [Theory]
    [InlineData("localhost:6443")]
    [InlineData("ftp://10.0.0.1")]
    public void Server_that_is_not_an_http_url_is_refused(string server) =>
        Assert.Contains("--server", Assert.Throws<KubernetesConnectionException>(
            () => KubernetesConnection.Configure(null, null, server)).Message);

    [Fact]
    public void Missing_kubeconfig_is_refused_naming_the_file() =>
        Assert.Contains("/nonexistent/kubeconfig", Assert.Throws<KubernetesConnectionException>(
            () => KubernetesConnection.Configure("/nonexistent/kubeconfig", null, null)).Message);

    [Fact]
    public void Kubeconfig_with_server_keeps_its_credentials_and_takes_the_server()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster: {server: "https://10.0.0.1:6443"}
                users:
                - name: u
                  user: {token: secret-token}
                contexts:
                - name: ctx
                  context: {cluster: c, user: u, namespace: recon}
                current-context: ctx
                """);
            var config = KubernetesConnection.Configure(file, null, "http://127.0.0.1:6443");
            Assert.Equal("http://127.0.0.1:6443", config.Host);
            Assert.Equal("secret-token", config.AccessToken);
            Assert.Equal("recon", config.Namespace);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
