using System.Text;
using System.Text.Json.Nodes;

namespace KafkaRecon.ApiServer.Http;

/// <summary>
/// The opaque <c>continue</c> of a paged LIST: the list's resourceVersion and the last key returned.
/// Later pages read the current state after that key (a real server reads a snapshot); a token older than the
/// retained history is answered with 410 Expired, as on a real server.
/// </summary>
internal sealed record ContinueToken(long ResourceVersion, string AfterKey)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        new JsonObject { ["rv"] = ResourceVersion, ["after"] = AfterKey }.ToJsonString()));

    public static ContinueToken Decode(string text)
    {
        try
        {
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text)))!;
            return new ContinueToken(json["rv"]!.GetValue<long>(), json["after"]!.GetValue<string>());
        }
        catch (Exception error) when (error is FormatException or System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            throw ApiError.BadRequest($"invalid continue token: {error.Message}");
        }
    }
}
