namespace KafkaRecon.ApiServer.Faults;

/// <summary>How an expired watch is answered: the real server's in-stream ERROR event, or a plain HTTP 410.</summary>
public enum WatchExpiryForm
{
    /// <summary>HTTP 200, then one <c>{"type":"ERROR","object":{Status 410 Expired}}</c> line, then close.</summary>
    InStreamError,

    /// <summary>HTTP 410 with a Status body before any stream starts.</summary>
    HttpGone,
}
