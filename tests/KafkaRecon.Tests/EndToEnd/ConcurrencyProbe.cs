using System.Collections.Concurrent;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;
using Microsoft.Extensions.DependencyInjection;

namespace KafkaRecon.Tests.EndToEnd;

/// <summary>Wraps the real driver to record, per resource, the most reconciles that were ever in flight at once.</summary>
internal sealed class ConcurrencyProbe
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _peak = new();
    private readonly ConcurrentDictionary<string, int> _reconciles = new();

    public int Peak(string name) => _peak.GetValueOrDefault(name);

    public int Reconciles(string name) => _reconciles.GetValueOrDefault(name);

    public int TotalReconciles => _reconciles.Values.Sum();

    public void Register(IServiceCollection services) =>
        services.AddSingleton<IReconciler>(sp => new Probe(this, sp.GetRequiredService<ReconciliationDriver>()));

    private sealed class Probe(ConcurrencyProbe owner, IReconciler inner) : IReconciler
    {
        public async Task<ReconcileOutcome> ReconcileAsync(KafkaReconciliation resource, CancellationToken cancellationToken)
        {
            var name = resource.Metadata.Name;
            var now = owner._inFlight.AddOrUpdate(name, 1, (_, n) => n + 1);
            owner._peak.AddOrUpdate(name, now, (_, peak) => Math.Max(peak, now));
            owner._reconciles.AddOrUpdate(name, 1, (_, n) => n + 1);
            try
            {
                return await inner.ReconcileAsync(resource, cancellationToken);
            }
            finally
            {
                owner._inFlight.AddOrUpdate(name, 0, (_, n) => n - 1);
            }
        }

        public Task CancelAsync(KafkaReconciliation resource, CancellationToken cancellationToken) =>
            inner.CancelAsync(resource, cancellationToken);
    }
}
