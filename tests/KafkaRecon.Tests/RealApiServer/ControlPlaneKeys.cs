using System.Diagnostics;

namespace KafkaRecon.Tests.RealApiServer;

/// <summary>
/// Key material made with openssl in the control plane's folder: a CA, the API server's serving certificate for
/// 127.0.0.1 signed by it, and the RSA pair that signs and verifies ServiceAccount tokens.
/// </summary>
internal sealed class ControlPlaneKeys
{
    private ControlPlaneKeys(string folder) => Folder = folder;

    public string Folder { get; }

    public string CaCertificate => Path.Combine(Folder, "ca.crt");

    public string ServingCertificate => Path.Combine(Folder, "serving.crt");

    public string ServingKey => Path.Combine(Folder, "serving.key");

    public string ServiceAccountKey => Path.Combine(Folder, "sa.key");

    public string ServiceAccountPublicKey => Path.Combine(Folder, "sa.pub");

    public static async Task<ControlPlaneKeys> CreateAsync(string folder)
    {
        var keys = new ControlPlaneKeys(folder);
        var caKey = Path.Combine(folder, "ca.key");
        var request = Path.Combine(folder, "serving.csr");
        var extensions = Path.Combine(folder, "serving.ext");
        await File.WriteAllTextAsync(extensions, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        await OpenSslAsync("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey, "-out", keys.CaCertificate,
            "-days", "2", "-subj", "/CN=kafka-recon-test-ca");
        await OpenSslAsync("req", "-newkey", "rsa:2048", "-nodes", "-keyout", keys.ServingKey, "-out", request,
            "-subj", "/CN=127.0.0.1");
        await OpenSslAsync("x509", "-req", "-in", request, "-CA", keys.CaCertificate, "-CAkey", caKey, "-CAcreateserial",
            "-out", keys.ServingCertificate, "-days", "2", "-extfile", extensions);
        await OpenSslAsync("genrsa", "-out", keys.ServiceAccountKey, "2048");
        await OpenSslAsync("rsa", "-in", keys.ServiceAccountKey, "-pubout", "-out", keys.ServiceAccountPublicKey);
        return keys;
    }

    private static async Task OpenSslAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"openssl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
