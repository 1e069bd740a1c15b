using KafkaRecon.Operator.Engines;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Execution;

/// <summary>Puts every engine of an in-process <see cref="EngineSet"/> behind the run executor.</summary>
internal static class ExecutorEngines
{
    public static EngineSet Wrap(EngineSet engines, RunExecutor executor, ILogger logger) => new(
        new ExecutorPhaseEngine(engines.Coalescer, executor, logger),
        new ExecutorPhaseEngine(engines.Transformer, executor, logger),
        new ExecutorPhaseEngine(engines.QueryRunner, executor, logger));
}
