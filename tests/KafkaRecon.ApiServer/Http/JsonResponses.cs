using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KafkaRecon.ApiServer.Http;

internal static class JsonResponses
{
    public static async Task WriteAsync(HttpContext context, int statusCode, JsonNode body, IEnumerable<string>? warnings = null)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        foreach (var warning in warnings ?? [])
        {
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"")}\"");
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, ApiError error) => WriteAsync(context, error.Code, error.ToStatus());
}
