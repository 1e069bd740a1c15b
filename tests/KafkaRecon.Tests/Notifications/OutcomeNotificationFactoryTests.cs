using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Tests.Metrics;

namespace KafkaRecon.Tests.Notifications;

public sealed class OutcomeNotificationFactoryTests
{
    [Fact]
    public void Successful_run_keeps_the_reference_title_severity_and_type()
    {
        var n = OutcomeNotificationFactory.Create(SampleRuns.Finished(ReconciliationPhase.Succeeded, 0));

        Assert.Equal(NotificationOutcome.Succeeded, n.Outcome);
        Assert.Equal("Kafka reconciliation successful", n.Title);
        Assert.Equal("High", n.Severity);
        Assert.Equal("Information", n.NotificationType);
    }

    [Fact]
    public void Run_failed_on_missing_records_keeps_the_reference_failure_wording()
    {
        var n = OutcomeNotificationFactory.Create(SampleRuns.Finished(ReconciliationPhase.Failed));

        Assert.Equal(NotificationOutcome.Failed, n.Outcome);
        Assert.Equal("Kafka reconciliation - missing records", n.Title);
        Assert.Equal("Critical", n.Severity);
        Assert.Equal("Error", n.NotificationType);
    }

    [Fact]
    public void Run_failed_before_any_results_says_failed_and_why()
    {
        var resource = SampleRuns.Resource();
        resource.Status = new KafkaReconciliationStatus
        {
            Phase = ReconciliationPhase.Failed,
            Conditions =
            [
                new V1Condition { Type = ConditionTypes.Ready, Status = "False", Reason = "EngineError", Message = "Glue job recon-etl not found" },
            ],
        };

        var n = OutcomeNotificationFactory.Create(resource);

        Assert.Equal("Kafka reconciliation failed", n.Title);
        Assert.Null(n.Totals);
        Assert.Equal("EngineError", n.FailureReason);
        Assert.Equal("Glue job recon-etl not found", n.FailureMessage);
    }

    [Fact]
    public void Cancelled_run_is_announced_as_a_failure()
    {
        var n = OutcomeNotificationFactory.Create(SampleRuns.Finished(ReconciliationPhase.Cancelled));
        Assert.Equal(NotificationOutcome.Failed, n.Outcome);
    }

    [Fact]
    public void Carries_resource_window_engine_totals_report_and_duration()
    {
        var n = OutcomeNotificationFactory.Create(SampleRuns.Finished(ReconciliationPhase.Failed));

        Assert.Equal(("recon", "daily-2026-11-25"), (n.Namespace, n.Name));
        Assert.Equal(SampleRuns.WindowStart, n.Window!.Start);
        Assert.Equal(EngineKind.Embedded, n.Engine);
        Assert.Equal(1234, n.Totals!.MissingExports);
        Assert.Equal("s3://recon-bucket/output/results/daily-2026-11-25-20261125_results.json", n.ReportLocation);
        Assert.Equal(new TimeSpan(1, 25, 7), n.RunDuration);
    }

    [Fact]
    public void Top_collections_are_the_five_with_most_missing_exports_in_descending_order()
    {
        var top = Enumerable.Range(1, 8)
            .Select(i => new CollectionResult { Database = "db", Collection = $"c{i}", MissingExports = i % 7 })
            .ToList();
        var n = OutcomeNotificationFactory.Create(SampleRuns.Finished(ReconciliationPhase.Failed, top: top));

        Assert.Equal(["c6", "c5", "c4", "c3", "c2"], n.TopCollections.Select(c => c.Collection).ToArray());
    }

    [Fact]
    public void Uses_the_notification_id_recorded_in_status()
    {
        var resource = SampleRuns.Finished(ReconciliationPhase.Succeeded, 0);
        resource.Status!.Notification = new NotificationRecord { Id = "recorded-id-7" };

        Assert.Equal("recorded-id-7", OutcomeNotificationFactory.Create(resource).NotificationId);
    }

    [Fact]
    public void Notification_id_differs_per_attempt_and_outcome_and_is_stable_otherwise()
    {
        var resource = SampleRuns.Finished(ReconciliationPhase.Failed);
        var first = OutcomeNotificationFactory.NotificationIdFor(resource, NotificationOutcome.Failed);
        Assert.Equal(first, OutcomeNotificationFactory.NotificationIdFor(resource, NotificationOutcome.Failed));
        Assert.NotEqual(first, OutcomeNotificationFactory.NotificationIdFor(resource, NotificationOutcome.Succeeded));
        resource.Status!.Attempt = 2;
        Assert.NotEqual(first, OutcomeNotificationFactory.NotificationIdFor(resource, NotificationOutcome.Failed));
    }
}
