using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;

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
        _ when aws is not null => Build(aws),
        _ => throw new EngineNotConfiguredException(
            "spec.engine 'aws' is not configured in this process; set AWS credentials and region, or use 'embedded'."),
    };

    private static EngineSet Build(Lazy<EngineSet> aws)
    {
        try
        {
            return aws.Value;
        }
        catch (AwsConfigurationException exception)
        {
            throw new EngineNotConfiguredException($"spec.engine 'aws': {exception.Message}", exception);
        }
    }
}
