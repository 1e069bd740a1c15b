using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines;

/// <summary>
/// Hands out the engines of each <c>spec.engine</c>. The AWS set is built on first use, so an embedded-only
/// installation never needs AWS credentials.
/// </summary>
internal sealed class EngineProvider(EngineSet embedded, Lazy<EngineSet>? aws) : IEngineProvider
{
    public EngineSet For(EngineKind engine) => engine switch
    {
        EngineKind.Embedded => embedded,
        _ when aws is not null => aws.Value,
        _ => throw new NotSupportedException(
            "spec.engine 'aws' is not configured in this process; set AWS credentials and region, or use 'embedded'."),
    };
}
