using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Tests.EndToEnd;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.RealApiServer.EndToEnd;

/// <summary>
/// What a user does to a run on the real API server — re-run it, change its spec or suspend it mid-run, delete it
/// mid-transform — with the operator as a process behind a <see cref="HoldingApiProxy"/>. "Mid-run" is exact: the
/// proxy holds the status write that records the transform's end until the change is made.
/// </summary>
[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class RunControlTests(ControlPlane controlPlane)
{
    [RealApiServerFact]
    public async Task Rerun_annotation_runs_a_finished_resource_again_over_the_same_window_to_exact_totals()
    {
        await using var run = await ProxiedRun.StartAsync(controlPlane, "rerun");
        run.StartOperator();
        await run.CreateAsync();
        var first = await run.WaitAsync(r => r.IsFinished(), "the first run finishes");

        await run.PatchAsync($$"""{"metadata": {"annotations": {"{{WellKnown.RerunAnnotation}}": "again"} } }""");
        var second = await run.WaitAsync(r => r.Status?.LastRerunToken == "again" && r.IsFinished(), "the re-run finishes");

        Assert.Equal(first.Status!.Attempt + 1, second.Status!.Attempt);
        Assert.NotEqual(first.Status.RunId, second.Status.RunId);
        Assert.Equal(first.Status.Window!.Start, second.Status.Window!.Start);
        Assert.True(second.Status.StartTime > first.Status.CompletionTime, "the re-run started after the first run ended");
        run.AssertExactTotals(second);
    }

    [RealApiServerFact]
    public async Task Spec_change_mid_run_restarts_the_run_under_the_new_spec()
    {
        await using var run = await ProxiedRun.StartAsync(controlPlane, "respec");
        var held = run.HoldEndOf(RunPhase.Transform);
        run.StartOperator();
        await run.CreateAsync();
        await held.WaitAsync(ProxiedRun.Limit);

        // Thresholds that tolerate every gap the sample plants: only a run under the new spec can succeed.
        await run.PatchAsync("""
            {"spec": {"verification": {"maxMissingExports": 1000000, "maxMissingImports": 1000000,
              "maxMismatchedTimestamps": 1000000, "failOnMissingCollections": false, "failOnMissingDatabases": false}}}
            """);
        run.Proxy.Release();
        var done = await run.WaitAsync(r => r.Status?.ObservedGeneration == 2 && r.IsFinished(), "the restarted run finishes");

        Assert.True(done.Status!.Phase == ReconciliationPhase.Succeeded, KubernetesJson.Serialize(done.Status));
        Assert.Equal(2, done.Status.Attempt);
        run.AssertExactTotals(done);
        var events = await run.Admin.CoreV1.ListNamespacedEventAsync(run.Namespace);
        Assert.Contains(events.Items, e => e.Reason == ConditionReasons.SpecChanged && e.InvolvedObject.Name == ProxiedRun.Name);
    }

    [RealApiServerFact]
    public async Task Suspend_mid_run_starts_no_further_phase_and_resuming_runs_to_exact_totals()
    {
        await using var run = await ProxiedRun.StartAsync(controlPlane, "suspend");
        var held = run.HoldEndOf(RunPhase.Transform);
        run.StartOperator();
        await run.CreateAsync();
        await held.WaitAsync(ProxiedRun.Limit);
        var runId = (await run.ReadAsync()).Status!.RunId!;

        await run.PatchAsync("""{"spec": {"suspend": true}}""");
        run.Proxy.Release();
        var suspended = await run.WaitAsync(r => r.Status?.ObservedGeneration == 2 && r.Status.Conditions.Any(c =>
            c.Type == ConditionTypes.Reconciling && c.Reason == ConditionReasons.Suspended), "the run is suspended");
        Assert.Null(suspended.Status!.Phases.Query);
        Assert.Null(suspended.Status.Results);
        AssertNoQueryWorkNorStaging(run, runId);

        await run.PatchAsync("""{"spec": {"suspend": false}}""");
        var done = await run.WaitAsync(r => r.Status?.ObservedGeneration == 3 && r.IsFinished(), "the resumed run finishes");
        run.AssertExactTotals(done);
    }

    [RealApiServerFact]
    public async Task Delete_mid_transform_starts_no_further_phase_and_the_finalizer_lets_the_object_go()
    {
        await using var run = await ProxiedRun.StartAsync(controlPlane, "delete");
        var held = run.HoldEndOf(RunPhase.Transform);
        run.StartOperator();
        await run.CreateAsync();
        await held.WaitAsync(ProxiedRun.Limit);
        var runId = (await run.ReadAsync()).Status!.RunId!;

        await run.Admin.CustomObjects.DeleteNamespacedCustomObjectAsync(KafkaReconciliation.Group, KafkaReconciliation.Version,
            run.Namespace, KafkaReconciliation.Plural, ProxiedRun.Name);
        run.Proxy.Release();
        await Poll.UntilAsync(async () => await run.TryReadAsync() is null, "the finalizer lets the deleted object go", ProxiedRun.Limit);

        AssertNoQueryWorkNorStaging(run, runId);
    }

    [RealApiServerFact]
    public async Task Delete_while_no_operator_runs_mid_transform_is_finished_by_the_next_operator_with_nothing_half_done()
    {
        await using var run = await ProxiedRun.StartAsync(controlPlane, "delete-killed");
        var held = run.HoldEndOf(RunPhase.Transform);
        var first = run.StartOperator();
        await run.CreateAsync();
        await held.WaitAsync(ProxiedRun.Limit);
        first.Kill();
        var runId = (await run.ReadAsync()).Status!.RunId!;

        await run.Admin.CustomObjects.DeleteNamespacedCustomObjectAsync(KafkaReconciliation.Group, KafkaReconciliation.Version,
            run.Namespace, KafkaReconciliation.Plural, ProxiedRun.Name);
        var terminating = await run.ReadAsync();
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Contains(WellKnown.Finalizer, terminating.Metadata.Finalizers);
        run.StartOperator();
        await Poll.UntilAsync(async () => await run.TryReadAsync() is null, "the next operator lets the deleted object go", ProxiedRun.Limit);

        AssertNoQueryWorkNorStaging(run, runId);
    }

    /// <summary>No report of the run was written, and no interrupted table staging is left in the output.</summary>
    private static void AssertNoQueryWorkNorStaging(ProxiedRun run, string runId)
    {
        var output = Path.Combine(run.Dataset.Root, "output");
        var results = Path.Combine(output, "results");
        Assert.Empty(Directory.Exists(results) ? Directory.EnumerateFiles(results, $"{runId}*") : []);
        Assert.Empty(Directory.Exists(output) ? Directory.EnumerateDirectories(output, ".tables-*", SearchOption.AllDirectories) : []);
    }
}
