using System.Net;
using System.Text;
using k8s;
using k8s.Autorest;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Notifications;

/// <summary>
/// Reads a webhook URL from the Secret the outcome's reference names (<c>spec.notifications.slack.webhookSecretRef</c>,
/// <c>successWebhookSecretRef</c> or <c>failureWebhookSecretRef</c>).
/// </summary>
internal sealed class SecretWebhookUrlSource(IKubernetes kubernetes) : IWebhookUrlSource
{
    public async Task<Uri> ResolveAsync(string @namespace, SlackWebhook webhook, CancellationToken cancellationToken)
    {
        var reference = webhook.Reference;
        var field = webhook.Field;
        if (reference is null || string.IsNullOrEmpty(reference.Name) || string.IsNullOrEmpty(reference.Key))
        {
            throw new WebhookUrlUnavailableException(
                $"{field} is not set; expected {{name, key}} of a Secret in namespace " +
                $"'{@namespace}' whose key holds the Slack incoming-webhook URL.");
        }
        var where = $"Secret '{@namespace}/{reference.Name}' ({field})";
        k8s.Models.V1Secret secret;
        try
        {
            secret = await kubernetes.CoreV1.ReadNamespacedSecretAsync(
                reference.Name, @namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new WebhookUrlUnavailableException($"{where} does not exist; create it with key '{reference.Key}'.", e);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Forbidden)
        {
            throw new WebhookUrlUnavailableException(
                $"the operator may not read {where}; grant its service account 'get' on secrets in '{@namespace}'.", e);
        }
        catch (HttpOperationException e)
        {
            throw new WebhookUrlUnavailableException(
                $"reading {where} failed with HTTP {(int)e.Response.StatusCode}.", e);
        }
        if (secret.Data is null || !secret.Data.TryGetValue(reference.Key, out var bytes))
        {
            var keys = secret.Data is null || secret.Data.Count == 0 ? "none" : string.Join(", ", secret.Data.Keys.Order());
            throw new WebhookUrlUnavailableException(
                $"{where} has no key '{reference.Key}' ({field[SlackWebhook.Prefix.Length..]}.key); keys present: {keys}.");
        }
        return WebhookUrl.Parse(Encoding.UTF8.GetString(bytes), $"key '{reference.Key}' of {where}");
    }
}
