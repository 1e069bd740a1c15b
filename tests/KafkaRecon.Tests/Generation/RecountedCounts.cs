namespace KafkaRecon.Tests.Generation;

/// <summary>Expected counts of one collection, recounted from the files.</summary>
internal sealed record RecountedCounts(long Imported, long Exported, long MissingExports, long MissingImports, long EarlierInImport, long EarlierInExport);
