using k8s;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Tests.Notifications;

namespace KafkaRecon.Tests.RealApiServer.EndToEnd;

/// <summary>
/// The operator process killed (SIGKILL) in each phase of an embedded run on the real API server: the proxy holds
/// the status write that would record the phase's end, so the phase's work is done in the dead process but nothing
/// durable says so. A new process resumes from what the API server holds.
/// </summary>
[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class KillResumeTests(ControlPlane controlPlane)
{
    [RealApiServerTheory]
    [InlineData(RunPhase.Coalesce)]
    [InlineData(RunPhase.Transform)]
    [InlineData(RunPhase.Query)]
    [InlineData(RunPhase.Verify)]
    public async Task Operator_killed_before_a_phase_is_recorded_done_resumes_to_exact_totals_leaves_earlier_phases_alone_and_notifies_once(
        RunPhase phase)
    {
        await using var run = await ProxiedRun.StartAsync(controlPlane, $"kill-{phase.Name()}");
        await using var slack = await SlackReceiver.StartAsync();
        await run.Admin.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "slack" },
            StringData = new Dictionary<string, string> { ["url"] = slack.WebhookUrl.ToString() },
        }, run.Namespace);
        var held = run.HoldEndOf(phase);

        var first = run.StartOperator();
        await run.CreateAsync(resource => resource.Spec.Notifications.Slack =
            new SlackSpec { WebhookSecretRef = new SecretKeyRef { Name = "slack", Key = "url" } });
        await held.WaitAsync(ProxiedRun.Limit).ContinueWith(t => Assert.True(t.IsCompletedSuccessfully,
            $"{phase} never ended in the first process:\n{run.Logs()}"), TaskScheduler.Default);
        first.Kill();
        var killed = (await run.ReadAsync()).Status!;
        Assert.False(killed.Phases.Record(phase)!.State is PhaseState.Succeeded or PhaseState.Failed,
            $"{phase} is recorded as ended although its end was never written");

        run.StartOperator();
        var done = await run.WaitAsync(r => r.Status?.Notification?.State == NotificationStep.Sent,
            "the run finishes and notifies after the restart");

        Assert.Equal(ReconciliationPhase.Failed, done.Status!.Phase); // the sample plants missing records
        run.AssertExactTotals(done);
        Assert.All(RunPhases.InOrder.TakeWhile(p => p != phase), earlier =>
            Assert.Equal(KubernetesJson.Serialize(killed.Phases.Record(earlier)), KubernetesJson.Serialize(done.Status.Phases.Record(earlier))));
        Assert.Equal(1, done.Status.Phases.Record(phase)!.Attempt);
        Assert.Single(slack.Requests);
    }
}
