namespace KafkaRecon.Tests.EndToEnd;

/// <summary>The three engine-backed phases, named as in <c>status.phases</c>.</summary>
public enum PhaseName
{
    Coalesce,
    Transform,
    Query,
}
