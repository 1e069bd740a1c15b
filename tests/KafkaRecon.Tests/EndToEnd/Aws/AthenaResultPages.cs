using System.Globalization;
using System.Text.Json.Nodes;
using KafkaRecon.Tests.Aws;

namespace KafkaRecon.Tests.EndToEnd.Aws;

/// <summary>
/// moto answers GetQueryResults with every row at once; real Athena pages them (at most MaxResults rows a page,
/// the column-name row only at the top of the first page). This rewrites moto's answer into those pages, so a
/// result of more than 1000 rows is read across pages as it would be on AWS.
/// </summary>
internal static class AthenaResultPages
{
    public static void ServeThrough(FaultProxy proxy) =>
        proxy.Rewrite(r => r.Operation == "GetQueryResults", Page);

    /// <summary>Pages beyond the first that the proxy served: how often a client followed a NextToken.</summary>
    public static int FollowUpPages(FaultProxy proxy) =>
        proxy.Requests.Count(r => r.Operation == "GetQueryResults" && r.Body.Contains("\"NextToken\"", StringComparison.Ordinal));

    private static string Page(ProxiedRequest request, string answer)
    {
        var asked = JsonNode.Parse(request.Body)!.AsObject();
        var offset = asked["NextToken"] is { } token ? int.Parse(token.GetValue<string>(), CultureInfo.InvariantCulture) : 0;
        var size = asked["MaxResults"]?.GetValue<int>() ?? 1000;
        var root = JsonNode.Parse(answer)!.AsObject();
        var resultSet = root["ResultSet"]!.AsObject();
        var rows = resultSet["Rows"]!.AsArray().Select(row => row!.DeepClone()).ToList();
        resultSet["Rows"] = new JsonArray(rows.Skip(offset).Take(size).ToArray());
        if (offset + size < rows.Count)
        {
            root["NextToken"] = (offset + size).ToString(CultureInfo.InvariantCulture);
        }
        return root.ToJsonString();
    }
}
