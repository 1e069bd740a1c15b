using System.ComponentModel;
using System.Text.Json.Serialization;

namespace KafkaRecon.Entities;

[Description("The wait for complete inputs (spec.start) before the run's first phase.")]
public sealed class WaitingStatus
{
    [JsonPropertyName("since")]
    [Description("When the wait began.")]
    public DateTimeOffset Since { get; set; }

    [JsonPropertyName("waitingFor")]
    [Description("What the run still waits for; once it started, what was still unmet when maxWait ran out (empty when nothing was).")]
    public IList<string> WaitingFor { get; set; } = new List<string>();

    [JsonPropertyName("deadline")]
    [Description("When the run starts anyway (spec.start.maxWait), if set.")]
    public DateTimeOffset? Deadline { get; set; }

    [JsonPropertyName("nextCheckTime")]
    [Description("When the inputs are looked at again.")]
    public DateTimeOffset? NextCheckTime { get; set; }

    [JsonPropertyName("readyTime")]
    [Description("When the run was let start.")]
    public DateTimeOffset? ReadyTime { get; set; }

    [JsonPropertyName("timedOut")]
    [Description("True when the run started because maxWait ran out, with waitingFor still unmet.")]
    public bool TimedOut { get; set; }
}
