using System.Text.Json;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Tests.Aws;

namespace KafkaRecon.Tests.EndToEnd.Aws;

/// <summary>What moto's Batch knows of submitted jobs beyond our client's typed view: their container commands.</summary>
internal static class MotoBatchJobs
{
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> CommandsAsync(MotoServer moto, IEnumerable<string> jobIds)
    {
        var options = moto.Options();
        using var http = new HttpClient();
        var batch = new AwsJsonTransport(AwsService.Batch, options, new AwsCredentialSource(options), http);
        var answer = await batch.InvokeAsync<object, JsonElement>(
            "DescribeJobs", new { jobs = jobIds.ToArray() }, CancellationToken.None, "/v1/describejobs");
        return answer.GetProperty("jobs").EnumerateArray()
            .Select(job => (IReadOnlyList<string>)job.GetProperty("container").GetProperty("command").EnumerateArray()
                .Select(part => part.GetString()!).ToList())
            .ToList();
    }
}
