using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Models;
using KafkaRecon.Tests.ApiServer;

namespace KafkaRecon.Tests.RealApiServer;

/// <summary>
/// etcd and kube-apiserver from <c>KUBEBUILDER_ASSETS</c> on free 127.0.0.1 ports, with token authentication, RBAC,
/// PodSecurity admission and the kafkarecon CRD installed; kube-controller-manager only once a test asks for it.
/// Started once per test run (xunit collection fixture); everything is killed and the folder removed on dispose.
/// </summary>
public sealed class ControlPlane : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kafka-recon-envtest", Guid.NewGuid().ToString("N"));
    private readonly SemaphoreSlim _controllerManagerStart = new(1, 1);
    private ControlPlaneKeys? _keys;
    private ChildProcess? _etcd;
    private ChildProcess? _apiServer;
    private ChildProcess? _controllerManager;
    private int _etcdPort;
    private int _apiServerRestarts;

    /// <summary>A <c>system:masters</c> token: the cluster administrator.</summary>
    public string AdminToken { get; } = Guid.NewGuid().ToString("N");

    public int Port { get; private set; }

    public string Url => $"https://127.0.0.1:{Port}";

    internal ControlPlaneKeys Keys => _keys ?? throw new InvalidOperationException("The control plane is not started.");

    public async Task InitializeAsync()
    {
        if (EnvtestAssets.MissingReason is not null)
        {
            return;
        }
        Directory.CreateDirectory(_folder);
        try
        {
            _keys = await ControlPlaneKeys.CreateAsync(_folder);
            await File.WriteAllTextAsync(Path.Combine(_folder, "tokens.csv"),
                $"{AdminToken},envtest-admin,envtest-admin,\"system:masters\"\n");
            _etcdPort = FreePort.Next();
            var peerPort = FreePort.Next();
            _etcd = ChildProcess.Start(EnvtestAssets.Binary("etcd"),
            [
                "--data-dir", Path.Combine(_folder, "etcd"),
                "--listen-client-urls", $"http://127.0.0.1:{_etcdPort}",
                "--advertise-client-urls", $"http://127.0.0.1:{_etcdPort}",
                "--listen-peer-urls", $"http://127.0.0.1:{peerPort}",
                "--initial-advertise-peer-urls", $"http://127.0.0.1:{peerPort}",
                "--initial-cluster", $"default=http://127.0.0.1:{peerPort}",
                "--unsafe-no-fsync",
            ], Path.Combine(_folder, "etcd.log"));
            Port = FreePort.Next();
            await StartApiServerAsync();
            await InstallCrdAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public KubernetesClientConfiguration ClientConfiguration(string token) => new()
    {
        Host = Url,
        AccessToken = token,
        SslCaCerts = new X509Certificate2Collection(X509CertificateLoader.LoadCertificateFromFile(Keys.CaCertificate)),
    };

    public k8s.Kubernetes AdminClient() => new(ClientConfiguration(AdminToken));

    /// <summary>A kubeconfig for kubectl and helm with this token and namespace.</summary>
    public string WriteKubeconfig(string folder, string token, string namespaceName)
    {
        var path = Path.Combine(folder, $"kubeconfig-{Guid.NewGuid():N}");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: envtest
              cluster:
                server: {Url}
                certificate-authority: {Keys.CaCertificate}
            users:
            - name: user
              user:
                token: {token}
            contexts:
            - name: envtest
              context: {"{"}cluster: envtest, user: user, namespace: {namespaceName}{"}"}
            current-context: envtest
            """);
        return path;
    }

    /// <summary>A fresh namespace for one test (names are unique per run, so tests never see each other's objects).</summary>
    public async Task<string> CreateNamespaceAsync(string prefix, IDictionary<string, string>? labels = null)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";
        using var client = AdminClient();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        });
        return name;
    }

    /// <summary>A token of a ServiceAccount (created if missing) from the TokenRequest API, as a pod would get it.</summary>
    public async Task<string> ServiceAccountTokenAsync(string namespaceName, string serviceAccount)
    {
        using var client = AdminClient();
        try
        {
            await client.CoreV1.CreateNamespacedServiceAccountAsync(
                new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = serviceAccount } }, namespaceName);
        }
        catch (k8s.Autorest.HttpOperationException exists) when (exists.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
        }
        var request = await client.CoreV1.CreateNamespacedServiceAccountTokenAsync(
            new Authenticationv1TokenRequest
            {
                Spec = new V1TokenRequestSpec { Audiences = ["https://kubernetes.default.svc"], ExpirationSeconds = 3600 },
            },
            serviceAccount, namespaceName);
        return request.Status.Token;
    }

    /// <summary>Stops kube-apiserver (etcd keeps the data): clients see connections refused until it is back.</summary>
    public Task StopApiServerAsync()
    {
        _apiServer?.Dispose();
        _apiServer = null;
        return Task.CompletedTask;
    }

    /// <summary>Starts kube-apiserver again on the same port and waits until it is ready.</summary>
    public async Task StartApiServerAsync()
    {
        var keys = Keys;
        var log = Path.Combine(_folder, $"kube-apiserver-{_apiServerRestarts++}.log");
        _apiServer = ChildProcess.Start(EnvtestAssets.Binary("kube-apiserver"),
        [
            $"--etcd-servers=http://127.0.0.1:{_etcdPort}",
            "--bind-address=127.0.0.1",
            $"--secure-port={Port}",
            "--advertise-address=127.0.0.1",
            "--endpoint-reconciler-type=none",
            $"--cert-dir={Path.Combine(_folder, "serving")}",
            $"--tls-cert-file={keys.ServingCertificate}",
            $"--tls-private-key-file={keys.ServingKey}",
            $"--token-auth-file={Path.Combine(_folder, "tokens.csv")}",
            "--authorization-mode=RBAC",
            "--service-account-issuer=https://kubernetes.default.svc",
            $"--service-account-key-file={keys.ServiceAccountPublicKey}",
            $"--service-account-signing-key-file={keys.ServiceAccountKey}",
            "--api-audiences=https://kubernetes.default.svc",
            "--service-cluster-ip-range=10.96.0.0/16",
            "--enable-admission-plugins=NamespaceLifecycle,ServiceAccount,ResourceQuota,LimitRanger,PodSecurity",
        ], log);
        await WaitReadyAsync(_apiServer, $"{Url}/readyz", TimeSpan.FromSeconds(90));
    }

    /// <summary>Starts kube-controller-manager (Deployment, ReplicaSet, Job, CronJob, namespace, GC controllers) once.</summary>
    public async Task EnsureControllerManagerAsync()
    {
        await _controllerManagerStart.WaitAsync();
        try
        {
            if (_controllerManager is not null)
            {
                return;
            }
            var kubeconfig = WriteKubeconfig(_folder, AdminToken, "default");
            var port = FreePort.Next();
            _controllerManager = ChildProcess.Start(EnvtestAssets.Binary("kube-controller-manager"),
            [
                $"--kubeconfig={kubeconfig}",
                $"--authentication-kubeconfig={kubeconfig}",
                $"--authorization-kubeconfig={kubeconfig}",
                $"--service-account-private-key-file={Keys.ServiceAccountKey}",
                $"--root-ca-file={Keys.CaCertificate}",
                "--leader-elect=false",
                "--controllers=*",
                "--use-service-account-credentials=false",
                "--bind-address=127.0.0.1",
                $"--secure-port={port}",
                $"--cert-dir={Path.Combine(_folder, "kcm-serving")}",
            ], Path.Combine(_folder, "kube-controller-manager.log"));
            await WaitReadyAsync(_controllerManager, $"https://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(60));
        }
        finally
        {
            _controllerManagerStart.Release();
        }
    }

    public Task DisposeAsync()
    {
        _controllerManager?.Dispose();
        _apiServer?.Dispose();
        _etcd?.Dispose();
        try
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: the processes are gone, a leftover temp folder is harmless.
        }
        return Task.CompletedTask;
    }

    private async Task WaitReadyAsync(ChildProcess process, string url, TimeSpan timeout)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(process.LogPath)} exited while starting:\n{process.Tail()}");
            }
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{url} not ready within {timeout}:\n{process.Tail()}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>An Established CRD still answers 429 "storage is (re)initializing" for a moment; tests start after it.</summary>
    private async Task WaitCrdStorageAsync()
    {
        using var admin = AdminClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                await admin.CustomObjects.ListClusterCustomObjectAsync("kafkarecon.io", "v1alpha1", "kafkareconciliations");
                return;
            }
            catch (k8s.Autorest.HttpOperationException error) when (DateTime.UtcNow < deadline
                && error.Response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task InstallCrdAsync()
    {
        var kubectl = new ClusterKubectl(this, AdminToken, "default");
        try
        {
            var (exit, output, error) = await kubectl.RunAsync("apply", "--server-side", "-f", TestApiServer.CrdPath);
            if (exit != 0)
            {
                throw new InvalidOperationException($"Installing the CRD failed: {output}{error}");
            }
            (exit, output, error) = await kubectl.RunAsync("wait", "--for=condition=Established", "--timeout=60s",
                "crd/kafkareconciliations.kafkarecon.io");
            if (exit != 0)
            {
                throw new InvalidOperationException($"The CRD did not become Established: {output}{error}");
            }
            await WaitCrdStorageAsync();
        }
        finally
        {
            kubectl.Dispose();
        }
    }
}
