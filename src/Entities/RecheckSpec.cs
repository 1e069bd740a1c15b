using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace KafkaRecon.Entities;

[Description("Comparisons of the same window again after the first verdict, to count records that arrived late.")]
public sealed class RecheckSpec
{
    [JsonPropertyName("after")]
    [Description("Delays after the first verdict at which the window is compared again (transform, query and verify " +
                 "only, under a check-numbered run folder), in increasing order, such as ['6h', '24h']. Each check " +
                 "is kept in status.checks; the latest decides the resource's verdict. Empty: no recheck.")]
    [MaxLength(10)]
    public IList<string> After { get; set; } = new List<string>();
}
