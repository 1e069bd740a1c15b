using System.Text.Json;
using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Tests.Aws;

/// <summary>A Batch compute environment, queue and job definition in moto, with names unique to one test.</summary>
internal sealed record MotoBatchEnvironment(string JobQueue, string JobDefinition)
{
    public static async Task<MotoBatchEnvironment> CreateAsync(MotoServer moto)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var options = moto.Options();
        using var http = new HttpClient();
        var batch = new AwsJsonTransport(AwsService.Batch, options, new AwsCredentialSource(options), http);
        var role = await CreateRoleAsync(moto, $"batch-service-{suffix}");
        var environment = await batch.InvokeAsync<object, JsonElement>(
            "CreateComputeEnvironment",
            new
            {
                computeEnvironmentName = $"ce-{suffix}",
                type = "UNMANAGED",
                state = "ENABLED",
                serviceRole = role,
            },
            CancellationToken.None, "/v1/createcomputeenvironment");
        var queue = $"queue-{suffix}";
        await batch.InvokeAsync<object, JsonElement>(
            "CreateJobQueue",
            new
            {
                jobQueueName = queue,
                state = "ENABLED",
                priority = 1,
                computeEnvironmentOrder = new[]
                {
                    new { order = 1, computeEnvironment = environment.GetProperty("computeEnvironmentArn").GetString() },
                },
            },
            CancellationToken.None, "/v1/createjobqueue");
        var definition = $"coalescer-{suffix}";
        await batch.InvokeAsync<object, JsonElement>(
            "RegisterJobDefinition",
            new
            {
                jobDefinitionName = definition,
                type = "container",
                containerProperties = new { image = "kafka-recon:test", vcpus = 1, memory = 128, command = new[] { "true" } },
            },
            CancellationToken.None, "/v1/registerjobdefinition");
        return new MotoBatchEnvironment(queue, definition);
    }

    /// <summary>moto checks that the compute environment's service role exists; IAM speaks the query protocol.</summary>
    private static async Task<string> CreateRoleAsync(MotoServer moto, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Action"] = "CreateRole",
                ["Version"] = "2010-05-08",
                ["RoleName"] = name,
                ["AssumeRolePolicyDocument"] = "{}",
            }),
        };
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await moto.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return $"arn:aws:iam::123456789012:role/{name}";
    }
}
