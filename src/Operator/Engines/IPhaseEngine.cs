namespace KafkaRecon.Operator.Engines;

/// <summary>
/// One phase's engine (AWS or embedded). Every method is idempotent and safe to call again after a crash:
/// <see cref="StartAsync"/> first looks for work already started under <see cref="PhaseContext.IdempotencyKey"/>
/// and never starts it twice.
/// </summary>
internal interface IPhaseEngine
{
    /// <summary>Starts the phase's work (or finds it already started). May finish synchronously.</summary>
    Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken);

    /// <summary>Observes work started earlier; its ids are in <see cref="PhaseContext.ExternalIds"/>.</summary>
    Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken);

    /// <summary>Stops in-flight work. Best effort, idempotent; never throws for work already finished.</summary>
    Task CancelAsync(PhaseContext context, CancellationToken cancellationToken);
}

/// <summary>Merges the window's many small manifest files into few large ones.</summary>
internal interface ICoalescer : IPhaseEngine;

/// <summary>Runs the comparison ETL, producing the four result tables of the run.</summary>
internal interface ITransformer : IPhaseEngine;

/// <summary>Runs the report queries over the result tables and writes the report and its summary.</summary>
internal interface IQueryRunner : IPhaseEngine;

/// <summary>The engines of one <c>spec.engine</c> choice.</summary>
internal sealed record EngineSet(ICoalescer Coalescer, ITransformer Transformer, IQueryRunner QueryRunner);
