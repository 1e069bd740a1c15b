namespace KafkaRecon.OperatorBench;

/// <summary>A few manifest lines shared by every resource: the benchmark measures the controller, not DuckDB.</summary>
internal static class TinyDataset
{
    public static (string Import, string Export) Write(string root)
    {
        var import = Directory.CreateDirectory(Path.Combine(root, "import")).FullName;
        var export = Directory.CreateDirectory(Path.Combine(root, "export")).FullName;
        File.WriteAllLines(Path.Combine(import, "db.coll_0_1-db.coll_0_3.txt"),
        [
            "a|1709251200000|db|coll|STREAMED|K2HB|a|KAFKA_RECORD",
            "b|1709251200001|db|coll|STREAMED|K2HB|b|KAFKA_RECORD",
            "c|1709251200002|db|coll|STREAMED|K2HB|c|KAFKA_RECORD",
        ]);
        File.WriteAllLines(Path.Combine(export, "db.coll-000-001-000001.csv"),
        [
            "fa|1709251200000|db|coll|EXPORT|K2HB|a|MONGO_INSERT",
            "fb|1709251200001|db|coll|EXPORT|K2HB|b|MONGO_INSERT",
            "fc|1709251200002|db|coll|EXPORT|K2HB|c|MONGO_INSERT",
        ]);
        return (import, export);
    }
}
