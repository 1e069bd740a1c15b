using System.Diagnostics;
using System.Text.Json;

namespace KafkaRecon.Tests.Aws;

/// <summary>
/// moto does not check signatures, so botocore (an independent SigV4 implementation, installed with moto)
/// recomputes the signature of requests our clients actually sent.
/// </summary>
[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class AwsRequestSignerTests(MotoServer moto)
{
    [Fact]
    public async Task Json_1_1_request_signature_matches_botocore()
    {
        var captured = await CaptureAsync(async clients =>
            await clients.Glue.GetJobRunsAsync("some-job", CancellationToken.None).ToListAsync());

        await AssertSignatureMatchesBotocoreAsync(captured);
    }

    [Fact]
    public async Task Rest_json_request_signature_matches_botocore()
    {
        var captured = await CaptureAsync(async clients =>
            await clients.Batch.DescribeJobsAsync(["job-1"], CancellationToken.None));

        await AssertSignatureMatchesBotocoreAsync(captured);
    }

    private async Task<string> CaptureAsync(Func<KafkaRecon.Operator.Aws.AwsClients, Task> call)
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        IReadOnlyDictionary<string, string>? headers = null;
        proxy.AnswerWithHeaders(h => headers ??= h);
        using var clients = moto.Clients(proxy.Endpoint);
        try
        {
            await call(clients);
        }
        catch (KafkaRecon.Operator.Aws.AwsServiceException)
        {
            // The answer does not matter; the signed request does.
        }
        var request = proxy.Requests[0];
        var path = Path.Combine(Path.GetTempPath(), $"kafka-recon-sigv4-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            url = new Uri(proxy.Endpoint, request.Path).ToString(),
            headers,
            body = request.Body,
        }));
        return path;
    }

    private static async Task AssertSignatureMatchesBotocoreAsync(string capturedRequest)
    {
        try
        {
            var script = Path.Combine(AppContext.BaseDirectory, "Aws", "Scripts", "verify_sigv4.py");
            var start = new ProcessStartInfo("python3", [script, capturedRequest])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, errors);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(2, lines.Length);
            Assert.Equal(64, lines[0].Length);
            Assert.Equal(lines[0], lines[1]);
        }
        finally
        {
            File.Delete(capturedRequest);
        }
    }
}
