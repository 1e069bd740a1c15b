using System.IO.Compression;

namespace KafkaRecon.Operator.Generation;

/// <summary>
/// Writes one topic-partition's (or HTME region's) lines as a series of small files, each closed after
/// <c>linesPerFile</c> lines and named only then (a K2HB name carries its last offset). Some files are gzipped.
/// </summary>
internal sealed class RollingManifestWriter(
    string folder,
    int linesPerFile,
    Func<int, long, long, string> nameOf,
    Func<int, bool> gzip,
    SampleFileStats stats)
{
    private readonly ManifestFileBuffer _buffer = new();
    private int _fileIndex;
    private long _linesBefore;

    public ManifestFileBuffer Buffer => _buffer;

    /// <summary>Call after each line written to <see cref="Buffer"/>.</summary>
    public void LineWritten()
    {
        if (_buffer.Lines >= linesPerFile)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (_buffer.Lines == 0)
        {
            return;
        }
        var name = nameOf(_fileIndex, _linesBefore, _linesBefore + _buffer.Lines - 1);
        var compressed = gzip(_fileIndex);
        var path = Path.Combine(folder, compressed ? name + ".gz" : name);
        if (compressed)
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(_buffer.Content);
        }
        else
        {
            using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.None, _buffer.Length);
            RandomAccess.Write(handle, _buffer.Content, 0);
        }
        stats.FileWritten(_buffer.Lines, _buffer.Length, compressed);
        _linesBefore += _buffer.Lines;
        _fileIndex++;
        _buffer.Clear();
    }
}
