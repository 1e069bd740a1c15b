using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines;

/// <summary>Picks the engines for <c>spec.engine</c>.</summary>
internal interface IEngineProvider
{
    EngineSet For(EngineKind engine);
}
