namespace KafkaRecon.ApiServer.Storage;

public enum WatchEventKind
{
    Added,
    Modified,
    Deleted,
}
