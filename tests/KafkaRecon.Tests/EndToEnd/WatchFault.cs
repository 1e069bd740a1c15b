namespace KafkaRecon.Tests.EndToEnd;

public enum WatchFault
{
    Dropped,
    Stalled,
    ExpiredInStream,
    ExpiredHttp,
}
