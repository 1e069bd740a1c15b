using System.Text.Json.Nodes;

namespace KafkaRecon.ApiServer.Http;

/// <summary>One <c>details.causes</c> entry of a 422: reason (FieldValueRequired…), message and field path.</summary>
public sealed record FieldCause(string Reason, string Field, string Message)
{
    public JsonObject ToJson() => new() { ["reason"] = Reason, ["message"] = Message, ["field"] = Field };

    public override string ToString() => $"{Field}: {Message}";
}
