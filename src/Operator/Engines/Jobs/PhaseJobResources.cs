using System.Globalization;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;

namespace KafkaRecon.Operator.Engines.Jobs;

/// <summary>
/// A Job pod's requests and limits from <c>spec.transform</c>: memoryLimit is the whole budget of the transform (DuckDB
/// gets less, the rest covers the memory it does not track), so it is both request and limit; threads, when set,
/// are the CPUs asked for and allowed. What is unset stays unset (the namespace's LimitRange, if any, decides).
/// </summary>
internal static class PhaseJobResources
{
    public static V1ResourceRequirements For(TransformSpec transform)
    {
        var amounts = new Dictionary<string, ResourceQuantity>();
        if (ByteSize.TryParse(transform.MemoryLimit, out var bytes))
        {
            amounts["memory"] = new ResourceQuantity(bytes.ToString(CultureInfo.InvariantCulture));
        }
        if (transform.Threads > 0)
        {
            amounts["cpu"] = new ResourceQuantity(transform.Threads.ToString(CultureInfo.InvariantCulture));
        }
        return new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity>(amounts),
            Limits = new Dictionary<string, ResourceQuantity>(amounts),
        };
    }
}
