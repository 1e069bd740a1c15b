using System.Globalization;

namespace KafkaRecon.Operator.Generation;

/// <summary>
/// One collection's records of one Kafka partition: every <c>Partitions</c>-th record number of the collection's range,
/// starting at the partition. Written on its own (two open files at a time) and tallied on its own, so units run in
/// parallel and their results are summed in a fixed order.
/// </summary>
internal sealed class SampleUnit(SampleCollection collection, long first, long count, int partition)
{
    private const ulong OffsetSalt = 13;
    private const ulong ImportGzipSalt = 17;
    private const ulong ExportGzipSalt = 19;
    private const int FilesPerPartition = 8;

    public SampleCollection Collection => collection;
    public long Records => Math.Max(0, (count - partition + collection.Partitions - 1) / collection.Partitions);

    public CollectionTally Write(SampleLayout layout, RecordPlanner planner, CollectionLineParts parts, long seed,
        SampleWindow window, SampleFileStats importStats, SampleFileStats exportStats)
    {
        var linesPerFile = (int)Math.Clamp((Records + FilesPerPartition - 1) / FilesPerPartition, 20, 50_000);
        var unitKey = collection.Index * 1024L + partition;
        var firstOffset = 1_000 + (long)(SampleHash.Of(seed, unitKey, OffsetSalt) % 9_000_000);
        var topic = collection.Topic;
        var regionStart = partition * 256 / collection.Partitions;
        var regionStop = (partition + 1) * 256 / collection.Partitions - 1;

        var import = new RollingManifestWriter(layout.ImportFolder, linesPerFile,
            (_, from, to) => string.Create(CultureInfo.InvariantCulture,
                $"{topic}_{partition}_{firstOffset + from}-{topic}_{partition}_{firstOffset + to}.txt"),
            file => Gzip(seed, unitKey, file, ImportGzipSalt), importStats);
        var export = new RollingManifestWriter(layout.ExportFolder, linesPerFile,
            (file, _, _) => string.Create(CultureInfo.InvariantCulture,
                $"{topic}-{regionStart:000}-{regionStop:000}-{file + 1:000000}.csv"),
            file => Gzip(seed, unitKey, file, ExportGzipSalt), exportStats);

        var tally = new CollectionTally();
        Span<byte> id = stackalloc byte[SampleLineFormat.IdLength];
        for (var number = first + partition; number < first + count; number += collection.Partitions)
        {
            var record = planner.Plan(number, collection.Gap);
            tally.Add(TruthClassifier.Classify(record, window));
            tally.AddDuplicates(
                TruthClassifier.Duplicated(record.ImportRows, record.ImportTimestamp0, record.ImportTimestamp1, window),
                TruthClassifier.Duplicated(record.ExportRows, record.ExportTimestamp0, record.ExportTimestamp1, window));
            SampleLineFormat.Id(id, parts, number);
            if (record.ImportRows >= 1)
            {
                SampleLineFormat.Import(import.Buffer, parts, record, id, record.ImportTimestamp0);
                import.LineWritten();
            }
            if (record.ImportRows >= 2)
            {
                SampleLineFormat.Import(import.Buffer, parts, record, id, record.ImportTimestamp1);
                import.LineWritten();
            }
            if (record.ExportRows >= 1)
            {
                SampleLineFormat.Export(export.Buffer, parts, record, id, record.ExportTimestamp0, record.ExportType0);
                export.LineWritten();
            }
            if (record.ExportRows >= 2)
            {
                SampleLineFormat.Export(export.Buffer, parts, record, id, record.ExportTimestamp1, record.ExportType1);
                export.LineWritten();
            }
        }
        import.Flush();
        export.Flush();
        return tally;
    }

    /// <summary>About 3% of files are gzipped, and always the first file of one collection's first partition.</summary>
    private bool Gzip(long seed, long unitKey, int file, ulong salt) =>
        (collection.Index == 1 && partition == 0 && file == 0)
        || SampleHash.Of(seed, unitKey * 100_000 + file, salt) % 100 < 3;
}
