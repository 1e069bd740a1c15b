using System.Text.Json.Nodes;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Notifications;

/// <summary>
/// Turns an outcome into a Slack incoming-webhook payload: Block Kit for people (short lines that read on a phone),
/// a plain <c>text</c> fallback for notifications, and the reference system's fields in <c>metadata</c>. Pure.
/// </summary>
internal static class SlackMessageBuilder
{
    public const string DefaultUsername = "kafka-recon";
    public const string MetadataEventType = "kafka_reconciliation_outcome";

    // Block Kit limits: header text 150 characters, section text 3000, field text 2000.
    private const int HeaderLimit = 150;
    private const int FieldLimit = 2000;
    private const int SectionLimit = 3000;

    /// <param name="includeChannel">
    /// False for an outcome's own webhook (a Slack app's, which posts to its one channel): no <c>channel</c> is sent.
    /// </param>
    public static JsonObject Build(OutcomeNotification notification, SlackSpec slack, bool includeChannel = true)
    {
        var succeeded = notification.Outcome == NotificationOutcome.Succeeded;
        var blocks = new JsonArray
        {
            Header($"{(succeeded ? ":white_check_mark:" : ":rotating_light:")} {notification.Title}"),
            Fields(
                ("Resource", $"`{notification.Namespace}/{notification.Name}`"),
                ("Window", SlackText.Window(notification.Window)),
                ("Engine", notification.Engine == EngineKind.Aws ? "aws" : "embedded"),
                ("Duration", SlackText.Duration(notification.RunDuration))),
        };
        if (notification.Totals is { } totals)
        {
            blocks.Add(Fields(
                ("Imported", SlackText.Number(totals.Imported)),
                ("Exported", SlackText.Number(totals.Exported)),
                ("Missing exports", SlackText.Number(totals.MissingExports)),
                ("Missing imports", SlackText.Number(totals.MissingImports)),
                ("Mismatched timestamps", SlackText.Number(totals.MismatchedTimestamps)),
                ("Missing collections", SlackText.Number(totals.MissingCollections)),
                ("Missing databases", SlackText.Number(totals.MissingDatabases))));
        }
        if (CheckText(notification) is { } check)
        {
            blocks.Add(Section(check));
        }
        if (notification.InputsWarning is { } inputs)
        {
            blocks.Add(Section($":warning: {SlackText.Escape(inputs)}"));
        }
        if (notification.TopCollections.Count > 0)
        {
            blocks.Add(Section(TopCollectionsText(notification.TopCollections)));
        }
        if (!succeeded)
        {
            foreach (var section in SampleSectionText.Sections(notification))
            {
                blocks.Add(Section(SlackText.Truncate(section, SectionLimit)));
            }
        }
        if (notification.FailureReason is not null || notification.FailureMessage is not null)
        {
            blocks.Add(Section(SlackText.Truncate(
                $"*Why:* {SlackText.Escape(notification.FailureReason ?? "")} {SlackText.Escape(notification.FailureMessage ?? "")}".TrimEnd(),
                SectionLimit)));
        }
        if (!succeeded && notification.Totals?.DecidedBy is { } rule)
        {
            blocks.Add(Section(SlackText.Truncate($"*Decided by:* `{SlackText.Escape(rule)}`", SectionLimit)));
        }
        blocks.Add(Context(
            $"Report: {SlackText.Escape(notification.ReportLocation ?? "none (no report was written)")}",
            $"Severity: {notification.Severity} · Type: {notification.NotificationType} · Id: `{SlackText.Escape(notification.NotificationId)}`"));

        var message = new JsonObject
        {
            ["channel"] = succeeded ? slack.SuccessChannel : slack.FailureChannel,
            ["username"] = string.IsNullOrWhiteSpace(slack.Username) ? DefaultUsername : slack.Username,
            ["text"] = FallbackText(notification),
            ["blocks"] = blocks,
            ["metadata"] = new JsonObject
            {
                ["event_type"] = MetadataEventType,
                ["event_payload"] = Metadata(notification),
            },
        };
        if (!includeChannel)
        {
            message.Remove("channel");
        }
        return message;
    }

    private static string FallbackText(OutcomeNotification n)
    {
        var text = $"{n.Title}: {n.Namespace}/{n.Name}, window {SlackText.Window(n.Window)}";
        if (n.Check > 1)
        {
            text += $", recheck {n.Check} of {n.Checks}" + (n.Recovered > 0 ? $", recovered: {SlackText.Number(n.Recovered)} records arrived late" : "");
        }
        if (n.Totals is { } t)
        {
            text += $", imported {SlackText.Number(t.Imported)}, exported {SlackText.Number(t.Exported)}, " +
                    $"missing exports {SlackText.Number(t.MissingExports)}";
        }
        else if (n.FailureReason is not null)
        {
            text += $", {n.FailureReason}";
        }
        return SlackText.Escape(text + (n.ReportLocation is null ? "" : $". Report: {n.ReportLocation}"));
    }

    /// <summary>For a recheck: which check, how long after the first verdict, and the records that arrived late.</summary>
    public static string? CheckText(OutcomeNotification n)
    {
        if (n.Check <= 1)
        {
            return null;
        }
        var text = $"*Recheck {n.Check} of {n.Checks}*, {SlackText.Duration(n.CheckDelay)} after the first verdict";
        return n.Recovered > 0
            ? $"{text}: recovered: {SlackText.Number(n.Recovered)} records arrived late"
            : $"{text}: no late records recovered";
    }

    private static string TopCollectionsText(IReadOnlyList<CollectionResult> collections)
    {
        var lines = collections.Select(c =>
            $"• `{SlackText.Escape(SlackText.Truncate($"{c.Database}.{c.Collection}", 120))}` " +
            $"{SlackText.Number(c.MissingExports)} of {SlackText.Number(c.Imported)} missing");
        return SlackText.Truncate("*Top collections by missing exports*\n" + string.Join('\n', lines), SectionLimit);
    }

    private static JsonObject Metadata(OutcomeNotification n)
    {
        // Slack's metadata payload takes strings, numbers and booleans only: absent values are left out, not null.
        var payload = new JsonObject();
        void Add(string key, JsonNode? value)
        {
            if (value is not null)
            {
                payload[key] = value;
            }
        }
        Add("notification_id", n.NotificationId);
        Add("severity", n.Severity);
        Add("notification_type", n.NotificationType);
        Add("title_text", n.Title);
        Add("namespace", n.Namespace);
        Add("name", n.Name);
        Add("run_id", n.RunId);
        Add("outcome", n.Outcome == NotificationOutcome.Succeeded ? "succeeded" : "failed");
        Add("window_start", n.Window?.Start.ToString("O"));
        Add("window_end", n.Window?.End.ToString("O"));
        Add("report_location", n.ReportLocation);
        Add("check_number", n.Check);
        Add("recovered_count", n.Recovered);
        Add("started_without_complete_inputs", n.InputsWarning is not null);
        if (n.Totals is { } t)
        {
            Add("exported_count", t.Exported);
            Add("missing_exports_count", t.MissingExports);
        }
        return payload;
    }

    private static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = new JsonObject
        {
            ["type"] = "plain_text",
            ["text"] = SlackText.Truncate(text, HeaderLimit),
            ["emoji"] = true,
        },
    };

    private static JsonObject Fields(params (string Label, string Value)[] fields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray(fields
            .Select(f => (JsonNode)Mrkdwn(SlackText.Truncate($"*{f.Label}*\n{f.Value}", FieldLimit)))
            .ToArray()),
    };

    private static JsonObject Section(string text) => new() { ["type"] = "section", ["text"] = Mrkdwn(text) };

    private static JsonObject Context(params string[] texts) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(texts.Select(t => (JsonNode)Mrkdwn(SlackText.Truncate(t, FieldLimit))).ToArray()),
    };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
