using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Storage;

namespace KafkaRecon.ApiServer.Http;

/// <summary>labelSelector and fieldSelector together, as LIST and WATCH apply them.</summary>
internal sealed record ObjectFilter(LabelSelector Labels, FieldSelector Fields)
{
    public bool Matches(JsonObject? obj) => obj is not null && Labels.Matches(ObjectMeta.Labels(obj)) && Fields.Matches(obj);
}
