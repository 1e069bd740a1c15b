namespace KafkaRecon.Operator.Generation;

/// <summary>Files, lines and bytes one side of the sample has written so far (thread-safe).</summary>
internal sealed class SampleFileStats
{
    private long _files;
    private long _gzipFiles;
    private long _lines;
    private long _bytes;

    public long Files => Interlocked.Read(ref _files);
    public long GzipFiles => Interlocked.Read(ref _gzipFiles);
    public long Lines => Interlocked.Read(ref _lines);
    /// <summary>Uncompressed bytes.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public void FileWritten(long lines, long bytes, bool gzip)
    {
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _lines, lines);
        Interlocked.Add(ref _bytes, bytes);
        if (gzip)
        {
            Interlocked.Increment(ref _gzipFiles);
        }
    }
}
