using k8s.Models;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// Sets conditions the Kubernetes way: one per type, lastTransitionTime moves only when the status value changes,
/// every condition carries the generation it was computed from.
/// </summary>
internal static class Conditions
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";

    public static void Set(
        IList<V1Condition> conditions, string type, string status, string reason, string message,
        long? generation, DateTimeOffset now)
    {
        var existing = conditions.FirstOrDefault(c => c.Type == type);
        if (existing is null)
        {
            conditions.Add(new V1Condition
            {
                Type = type, Status = status, Reason = reason, Message = Truncate(message),
                ObservedGeneration = generation, LastTransitionTime = now.UtcDateTime,
            });
            return;
        }
        if (existing.Status != status)
        {
            existing.LastTransitionTime = now.UtcDateTime;
        }
        existing.Status = status;
        existing.Reason = reason;
        existing.Message = Truncate(message);
        existing.ObservedGeneration = generation;
    }

    public static V1Condition? Find(IEnumerable<V1Condition> conditions, string type) =>
        conditions.FirstOrDefault(c => c.Type == type);

    public static bool IsTrue(IEnumerable<V1Condition> conditions, string type) =>
        Find(conditions, type)?.Status == True;

    /// <summary>metav1.Condition allows at most 32768 characters of message.</summary>
    private static string Truncate(string message) => message.Length <= 32768 ? message : message[..32765] + "...";
}
