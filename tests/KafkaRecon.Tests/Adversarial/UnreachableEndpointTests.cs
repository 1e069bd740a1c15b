using System.Net;
using System.Net.Sockets;
using KafkaRecon.Tests.EndToEnd.Aws;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12 case 18: <c>kafka-recon coalesce</c> against an unreachable endpoint aborted with an unhandled
/// HttpRequestException (exit 134). It ends with a clear message and exit 1 (an external failure).
/// </summary>
public sealed class UnreachableEndpointTests
{
    [Fact]
    public async Task Coalesce_against_an_unreachable_endpoint_exits_one_with_a_clear_message()
    {
        var endpoint = $"http://127.0.0.1:{ClosedPort()}";
        using var process = KafkaReconProcess.Start(
            new Dictionary<string, string?>
            {
                ["AWS_ENDPOINT_URL"] = endpoint,
                ["AWS_REGION"] = "eu-west-2",
                ["AWS_ACCESS_KEY_ID"] = "testing",
                ["AWS_SECRET_ACCESS_KEY"] = "testing",
                ["AWS_SESSION_TOKEN"] = null,
                ["AWS_PROFILE"] = null,
            },
            "coalesce", "--location", "s3://manifests/import");

        var result = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(result.Exit == 1, $"exit {result.Exit}: {result.Error}");
        Assert.Contains("s3://manifests/import", result.Error);
        Assert.Contains("127.0.0.1", result.Error);
        Assert.DoesNotContain("Unhandled exception", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
