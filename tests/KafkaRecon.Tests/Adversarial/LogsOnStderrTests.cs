using System.Text.Json;
using KafkaRecon.Tests.EndToEnd.Aws;
using KafkaRecon.Tests.Notifications;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12, case 9: logs go to stderr, always, so stdout carries only the requested output. Run as a child process,
/// because the console logger writes to the process's own streams.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LogsOnStderrTests
{
    [Fact]
    public async Task Json_output_parses_when_a_warning_is_logged()
    {
        using var folder = new AdversarialRunFolder();
        var resource = folder.WriteResource(AdversarialRunFolder.SlackSpec);
        // A webhook that refuses the message: the notifier logs a warning while the run still prints its status.
        await using var slack = await SlackReceiver.StartAsync(new SlackAnswer(404, "no_service"));
        var webhookFile = Path.Combine(folder.Root, "webhook");
        await File.WriteAllTextAsync(webhookFile, slack.WebhookUrl.ToString());

        using var run = KafkaReconProcess.Start(new Dictionary<string, string?>(),
            "run", "-f", resource, "--output", "json", "--slack-webhook-file", webhookFile);
        var result = await run.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(result.Exit == 0, result.Error);
        Assert.Contains("Slack notification", result.Error);
        using var status = JsonDocument.Parse(result.Output);
        Assert.Equal("Succeeded", status.RootElement.GetProperty("status").GetProperty("phase").GetString());
    }
}
