using System.Text.Json;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Tests.Aws;

namespace KafkaRecon.Tests.EndToEnd.Aws;

/// <summary>An Athena workgroup in moto with a name unique to one test, and the executions started in it.</summary>
internal static class MotoAthenaWorkgroup
{
    public static async Task<string> CreateAsync(MotoServer moto)
    {
        var name = $"wg-{Guid.NewGuid():N}"[..16];
        await InvokeAsync(moto, "CreateWorkGroup", new { Name = name, Configuration = new { } });
        return name;
    }

    public static async Task<IReadOnlyList<string>> ExecutionsAsync(MotoServer moto, string workgroup)
    {
        var answer = await InvokeAsync(moto, "ListQueryExecutions", new { WorkGroup = workgroup });
        return answer.GetProperty("QueryExecutionIds").EnumerateArray().Select(id => id.GetString()!).ToList();
    }

    private static async Task<JsonElement> InvokeAsync(MotoServer moto, string operation, object request)
    {
        var options = moto.Options();
        using var http = new HttpClient();
        var athena = new AwsJsonTransport(AwsService.Athena, options, new AwsCredentialSource(options), http);
        return await athena.InvokeAsync<object, JsonElement>(operation, request, CancellationToken.None);
    }
}
