namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>One manifest line in the K2HB/HTME layout, quoted the way a CSV writer quotes it.</summary>
internal static class ManifestLine
{
    /// <summary>Import (K2HB): the id is field 0; field 6 holds the raw id.</summary>
    public static string Import(string id, string timestamp, string database, string collection,
        string source = "STREAMED", string component = "K2HB", string type = "KAFKA_RECORD") =>
        Join(id, timestamp, database, collection, source, component, id, type);

    /// <summary>Export (HTME): the id is field 6; field 0 is a formatted id that must never be used.</summary>
    public static string Export(string id, string timestamp, string database, string collection,
        string component = "STREAMING", string type = "MONGO_UPDATE", string source = "EXPORT") =>
        Join($"{{\"$oid\":\"formatted-{id}\"}}", timestamp, database, collection, source, component, id, type);

    public static string Import(string id, long timestamp, string database, string collection,
        string source = "STREAMED", string component = "K2HB", string type = "KAFKA_RECORD") =>
        Import(id, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), database, collection, source,
            component, type);

    public static string Export(string id, long timestamp, string database, string collection,
        string component = "STREAMING", string type = "MONGO_UPDATE", string source = "EXPORT") =>
        Export(id, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), database, collection,
            component, type, source);

    private static string Join(params string[] fields) => string.Join('|', fields.Select(Quote));

    private static string Quote(string field) =>
        field.IndexOfAny(['|', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
