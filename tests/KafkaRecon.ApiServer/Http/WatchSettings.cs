namespace KafkaRecon.ApiServer.Http;

/// <summary>Watch timing: the default server-side timeout, the bookmark interval, and the clock both run on.</summary>
internal sealed record WatchSettings(TimeSpan DefaultTimeout, TimeSpan BookmarkInterval, TimeProvider Time);
