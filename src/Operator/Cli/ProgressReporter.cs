using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;
using Spectre.Console;

namespace KafkaRecon.Operator.Cli;

/// <summary>
/// Shows a run's events as progress lines on stderr: coloured on a terminal, plain text when redirected.
/// </summary>
internal sealed class ProgressReporter(IAnsiConsole console, TimeProvider time) : IEventSink
{
    public Task EmitAsync(
        KafkaReconciliation resource, EventSeverity severity, string reason, string message,
        CancellationToken cancellationToken)
    {
        var colour = severity == EventSeverity.Warning ? "yellow" : reason.EndsWith("Succeeded", StringComparison.Ordinal) ? "green" : "blue";
        console.MarkupLine(
            $"[grey]{time.GetUtcNow():HH:mm:ss}[/] [{colour}]{Markup.Escape(reason),-20}[/] {Markup.Escape(message)}");
        return Task.CompletedTask;
    }
}
