using System.Text.Json.Nodes;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Tests.Metrics;

namespace KafkaRecon.Tests.Notifications;

public sealed class SlackMessageBuilderTests
{
    private static JsonObject Build(ReconciliationPhase phase, SlackSpec? slack = null, long missing = 1234) =>
        SlackMessageBuilder.Build(OutcomeNotificationFactory.Create(SampleRuns.Finished(phase, missing)), slack ?? new SlackSpec());

    private static IEnumerable<string> AllTexts(JsonObject message) =>
        message["blocks"]!.AsArray().SelectMany(block => TextsOf(block!));

    private static IEnumerable<string> TextsOf(JsonNode node) => node switch
    {
        JsonObject o when o["text"] is JsonValue v => [v.GetValue<string>()],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : TextsOf(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : TextsOf(n)),
        _ => [],
    };

    [Fact]
    public void Success_goes_to_the_success_channel_and_failure_to_the_failure_channel()
    {
        Assert.Equal("#dataworks-aws-production-notifications", (string?)Build(ReconciliationPhase.Succeeded, missing: 0)["channel"]);
        Assert.Equal("#dataworks-aws-critical-alerts", (string?)Build(ReconciliationPhase.Failed)["channel"]);
        var custom = new SlackSpec { SuccessChannel = "#ok", FailureChannel = "#oncall" };
        Assert.Equal("#ok", (string?)Build(ReconciliationPhase.Succeeded, custom, 0)["channel"]);
        Assert.Equal("#oncall", (string?)Build(ReconciliationPhase.Failed, custom)["channel"]);
    }

    [Fact]
    public void Username_defaults_to_kafka_recon_and_follows_the_spec()
    {
        Assert.Equal("kafka-recon", (string?)Build(ReconciliationPhase.Failed)["username"]);
        Assert.Equal("Recon Bot", (string?)Build(ReconciliationPhase.Failed, new SlackSpec { Username = "Recon Bot" })["username"]);
    }

    [Fact]
    public void Blocks_are_header_fields_top_collections_and_context()
    {
        var types = Build(ReconciliationPhase.Failed)["blocks"]!.AsArray().Select(b => (string)b!["type"]!).ToArray();
        Assert.Equal(["header", "section", "section", "section", "context"], types);
    }

    [Fact]
    public void Header_carries_the_title()
    {
        var header = Build(ReconciliationPhase.Failed)["blocks"]![0]!;
        Assert.Equal(":rotating_light: Kafka reconciliation - missing records", (string?)header["text"]!["text"]);
        Assert.Equal("plain_text", (string?)header["text"]!["type"]);
    }

    [Fact]
    public void Fields_carry_resource_window_engine_duration_and_every_total()
    {
        var texts = AllTexts(Build(ReconciliationPhase.Failed)).ToList();
        Assert.Contains("*Resource*\n`recon/daily-2026-11-25`", texts);
        Assert.Contains("*Window*\n2026-11-25 00:00 → 2026-11-26 00:00 UTC", texts);
        Assert.Contains("*Engine*\nembedded", texts);
        Assert.Contains("*Duration*\n1h 25m 7s", texts);
        Assert.Contains("*Imported*\n1,000,000", texts);
        Assert.Contains("*Exported*\n998,766", texts);
        Assert.Contains("*Missing exports*\n1,234", texts);
        Assert.Contains("*Missing imports*\n17", texts);
        Assert.Contains("*Mismatched timestamps*\n9", texts);
        Assert.Contains("*Missing collections*\n2", texts);
        Assert.Contains("*Missing databases*\n1", texts);
    }

    [Fact]
    public void Every_fields_section_stays_within_slacks_ten_field_limit()
    {
        var sections = Build(ReconciliationPhase.Failed)["blocks"]!.AsArray().Where(b => b!["fields"] is not null);
        Assert.All(sections, s => Assert.InRange(s!["fields"]!.AsArray().Count, 1, 10));
    }

    [Fact]
    public void Top_collections_list_names_and_counts()
    {
        var text = AllTexts(Build(ReconciliationPhase.Failed)).Single(t => t.StartsWith("*Top collections", StringComparison.Ordinal));
        Assert.Equal(
            "*Top collections by missing exports*\n" +
            "• `core.contract` 1,000 of 500,000 missing\n" +
            "• `core.claimant` 200 of 300,000 missing\n" +
            "• `accepted-data.address` 34 of 200,000 missing",
            text);
    }

    [Fact]
    public void Context_carries_report_location_reference_fields_and_notification_id()
    {
        var context = Build(ReconciliationPhase.Failed)["blocks"]!.AsArray().Last()!;
        var texts = TextsOf(context).ToList();
        Assert.Contains("Report: s3://recon-bucket/output/results/daily-2026-11-25-20261125_results.json", texts);
        Assert.Contains(texts, t => t.Contains("Severity: Critical", StringComparison.Ordinal)
                                    && t.Contains("Type: Error", StringComparison.Ordinal)
                                    && t.Contains("recon/daily-2026-11-25/0f3c2a5e-uid/attempt-1/failed", StringComparison.Ordinal));
    }

    [Fact]
    public void Metadata_carries_the_reference_contract_fields_for_continuity()
    {
        var payload = Build(ReconciliationPhase.Failed)["metadata"]!["event_payload"]!;
        Assert.Equal("Critical", (string?)payload["severity"]);
        Assert.Equal("Error", (string?)payload["notification_type"]);
        Assert.Equal("Kafka reconciliation - missing records", (string?)payload["title_text"]);
        Assert.Equal(998_766, (long)payload["exported_count"]!);
        Assert.Equal(1234, (long)payload["missing_exports_count"]!);
        Assert.Equal("recon/daily-2026-11-25/0f3c2a5e-uid/attempt-1/failed", (string?)payload["notification_id"]);
    }

    [Fact]
    public void Metadata_leaves_out_absent_values_instead_of_sending_null()
    {
        var resource = SampleRuns.Resource();
        resource.Status = new KafkaReconciliationStatus { Phase = ReconciliationPhase.Failed };
        var payload = SlackMessageBuilder.Build(OutcomeNotificationFactory.Create(resource), new SlackSpec())["metadata"]!["event_payload"]!.AsObject();

        Assert.DoesNotContain(payload, p => p.Value is null);
        Assert.False(payload.ContainsKey("report_location"));
        Assert.False(payload.ContainsKey("exported_count"));
    }

    [Fact]
    public void Fallback_text_summarises_outcome_totals_and_report()
    {
        Assert.Equal(
            "Kafka reconciliation - missing records: recon/daily-2026-11-25, window 2026-11-25 00:00 → 2026-11-26 00:00 UTC, " +
            "imported 1,000,000, exported 998,766, missing exports 1,234. " +
            "Report: s3://recon-bucket/output/results/daily-2026-11-25-20261125_results.json",
            (string?)Build(ReconciliationPhase.Failed)["text"]);
    }

    [Fact]
    public void A_successful_run_without_missing_exports_has_no_top_collections_section()
    {
        var notification = OutcomeNotificationFactory.Create(SampleRuns.Finished(ReconciliationPhase.Succeeded, 0, top: []));
        var texts = AllTexts(SlackMessageBuilder.Build(notification, new SlackSpec())).ToList();
        Assert.DoesNotContain(texts, t => t.StartsWith("*Top collections", StringComparison.Ordinal));
        Assert.Contains(":white_check_mark: Kafka reconciliation successful", texts);
    }

    [Fact]
    public void Failure_reason_is_shown_and_mrkdwn_control_characters_are_escaped()
    {
        var resource = SampleRuns.Resource();
        resource.Status = new KafkaReconciliationStatus
        {
            Phase = ReconciliationPhase.Failed,
            Conditions = [new k8s.Models.V1Condition { Type = ConditionTypes.Ready, Status = "False", Reason = "EngineError", Message = "query <main> failed & stopped" }],
        };
        var texts = AllTexts(SlackMessageBuilder.Build(OutcomeNotificationFactory.Create(resource), new SlackSpec())).ToList();
        Assert.Contains("*Why:* EngineError query &lt;main&gt; failed &amp; stopped", texts);
        Assert.Contains("Report: none (no report was written)", texts);
    }

    [Fact]
    public void Failure_shows_five_missing_records_and_the_command_that_lists_them_all()
    {
        var resource = SampleRuns.Finished(ReconciliationPhase.Failed, 1234);
        resource.Spec.Output.Location = "s3://bucket/out";
        resource.Status!.RunId = "daily-20261125";
        resource.Status.Results!.Samples = new RecordSamples
        {
            MissingExports = Enumerable.Range(1, 7).Select(i => new RecordSample
            {
                Database = "db", Collection = "orders", Id = $"id-{i}", ImportTimestamp = 1764028800000 + i,
            }).ToList(),
        };

        var texts = AllTexts(SlackMessageBuilder.Build(OutcomeNotificationFactory.Create(resource), new SlackSpec())).ToList();

        var section = Assert.Single(texts, t => t.StartsWith("*Missing exports: first 5 of 1,234*", StringComparison.Ordinal));
        Assert.Contains("• `db.orders` `id-1` import 2025-11-25 00:00:00.001Z", section);
        Assert.Contains("`id-5`", section);
        Assert.DoesNotContain("`id-6`", section);
        Assert.EndsWith("All of them: `kafka-recon results daily-20261125 --missing exports --location s3://bucket/out`", section);
        Assert.DoesNotContain(texts, t => t.Contains("Missing imports: first", StringComparison.Ordinal));
    }

    [Fact]
    public void Success_shows_no_record_samples()
    {
        var resource = SampleRuns.Finished(ReconciliationPhase.Succeeded, 0);
        resource.Status!.Results!.Samples = new RecordSamples
        {
            MismatchedTimestamps = [new RecordSample { Database = "db", Collection = "c", Id = "x", ImportTimestamp = 1, ExportTimestamp = 2 }],
        };

        var texts = AllTexts(SlackMessageBuilder.Build(OutcomeNotificationFactory.Create(resource), new SlackSpec()));

        Assert.DoesNotContain(texts, t => t.Contains("kafka-recon results", StringComparison.Ordinal));
    }

    [Fact]
    public void A_recheck_that_recovered_records_says_how_many_arrived_late()
    {
        var resource = SampleRuns.Finished(ReconciliationPhase.Succeeded, 0);
        resource.Spec.Recheck.After = ["6h", "24h"];
        resource.Status!.Checks =
        [
            new CheckRecord { Number = 1, Time = SampleRuns.Completed, Verdict = "Failed", MissingExports = 1204 },
            new CheckRecord { Number = 2, Time = SampleRuns.Completed.AddHours(6), Verdict = "Succeeded", MissingExports = 0, Recovered = 1204 },
        ];

        var message = SlackMessageBuilder.Build(OutcomeNotificationFactory.Create(resource), new SlackSpec()).ToJsonString();

        Assert.Contains("*Recheck 2 of 3*, 6h 0m 0s after the first verdict: recovered: 1,204 records arrived late", message);
        Assert.Contains("recheck 2 of 3, recovered: 1,204 records arrived late", message); // the notification text
    }

    [Fact]
    public void A_run_that_started_without_complete_inputs_says_what_was_missing()
    {
        var resource = SampleRuns.Finished(ReconciliationPhase.Succeeded, 0);
        resource.Spec.Start = new StartSpec { Markers = ["s3://exports/_SUCCESS"], MaxWait = "3h" };
        resource.Status!.Waiting = new WaitingStatus { TimedOut = true, WaitingFor = ["markers missing: s3://exports/_SUCCESS"] };

        var message = SlackMessageBuilder.Build(OutcomeNotificationFactory.Create(resource), new SlackSpec()).ToJsonString();

        Assert.Contains("Started without complete inputs: spec.start.maxWait (3h) ran out while waiting for markers missing: s3://exports/_SUCCESS", message);
    }

    [Fact]
    public void A_first_verdict_mentions_neither_rechecks_nor_inputs()
    {
        var message = Build(ReconciliationPhase.Failed).ToJsonString();
        Assert.DoesNotContain("Recheck", message);
        Assert.DoesNotContain("Started without complete inputs", message);
    }

    [Fact]
    public void Failure_names_the_rule_that_decided()
    {
        var resource = SampleRuns.Finished(ReconciliationPhase.Failed, 1234);
        resource.Status!.Results!.DecidedBy = "spec.verification.collections[1] (database 'core', collection 'flaky')";

        var texts = AllTexts(SlackMessageBuilder.Build(OutcomeNotificationFactory.Create(resource), new SlackSpec()));

        Assert.Contains(texts, t => t.EndsWith(
            "*Decided by:* `spec.verification.collections[1] (database 'core', collection 'flaky')`", StringComparison.Ordinal));
    }
}
