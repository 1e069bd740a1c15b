namespace KafkaRecon.Operator.Storage;

/// <summary>
/// What a listing passed over and why, counted as it goes (listings may run in parallel). Symbolic links, to files
/// or folders, are never followed: a link could lead outside the location (whose files a coalesce would then merge and
/// delete) or back into it (an endless listing).
/// </summary>
internal sealed class ListingSkips
{
    private long _symbolicLinks;

    public long SymbolicLinks => Interlocked.Read(ref _symbolicLinks);

    public void SymbolicLink() => Interlocked.Increment(ref _symbolicLinks);
}
