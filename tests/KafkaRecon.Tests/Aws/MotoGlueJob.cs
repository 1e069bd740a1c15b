using System.Text.Json;
using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Tests.Aws;

/// <summary>A Glue job in moto with a name unique to one test.</summary>
internal static class MotoGlueJob
{
    public static async Task<string> CreateAsync(MotoServer moto, int maxConcurrentRuns = 1)
    {
        var name = $"etl-{Guid.NewGuid():N}"[..20];
        var options = moto.Options();
        using var http = new HttpClient();
        var glue = new AwsJsonTransport(AwsService.Glue, options, new AwsCredentialSource(options), http);
        await glue.InvokeAsync<object, JsonElement>(
            "CreateJob",
            new
            {
                Name = name,
                Role = "arn:aws:iam::123456789012:role/glue",
                Command = new { Name = "glueetl", ScriptLocation = "s3://scripts/kafka_recon_etl.py" },
                ExecutionProperty = new { MaxConcurrentRuns = maxConcurrentRuns },
                WorkerType = "G.1X",
                NumberOfWorkers = 2,
            },
            CancellationToken.None);
        return name;
    }
}
