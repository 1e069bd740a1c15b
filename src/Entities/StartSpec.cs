using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace KafkaRecon.Entities;

[Description("When the run may start: after a time (notBefore), once both manifest locations are quiet (quietPeriod) " +
             "and the markers exist; maxWait bounds the wait. Unset: the run starts at once. While it waits the " +
             "phase is Waiting and status.waiting says what for.")]
public sealed class StartSpec
{
    [JsonPropertyName("notBefore")]
    [Description("Earliest start, as a duration after the window's end plus its margin, such as '30m' or '2h'.")]
    [RegularExpression(TimeoutsSpec.DurationPattern)]
    public string? NotBefore { get; set; }

    [JsonPropertyName("quietPeriod")]
    [Description("Start only when no manifest file in either location was added or changed for this long, such as '15m'. " +
                 "Files are listed as the transform lists them (pruning and hidden names apply).")]
    [RegularExpression(TimeoutsSpec.DurationPattern)]
    public string? QuietPeriod { get; set; }

    [JsonPropertyName("markers")]
    [Description("Objects that must exist before the run starts, each a full location: an absolute file path or " +
                 "s3://bucket/key (for example an export job's _SUCCESS).")]
    [MaxLength(20)]
    public IList<string> Markers { get; set; } = new List<string>();

    [JsonPropertyName("maxWait")]
    [Description("Longest wait for quietPeriod and markers, counted from when the run began (or from notBefore, when " +
                 "later); then the run starts anyway, with condition InputsReady=False reason WaitTimedOut, a Warning " +
                 "event and a line in the Slack message. Unset: waits as long as it takes.")]
    [RegularExpression(TimeoutsSpec.DurationPattern)]
    public string? MaxWait { get; set; }

    /// <summary>True when any start condition is set (otherwise the run starts at once).</summary>
    public bool HasConditions() => NotBefore is not null || QuietPeriod is not null || Markers.Count > 0;
}
