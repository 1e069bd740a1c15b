namespace KafkaRecon.Operator.Notifications;

/// <summary>The webhook URL could not be read; the message names the setting to fix. It never contains the URL.</summary>
internal sealed class WebhookUrlUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
