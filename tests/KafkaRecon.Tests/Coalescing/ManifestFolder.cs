using System.Text;

namespace KafkaRecon.Tests.Coalescing;

/// <summary>Writes small manifest files with known lines into a folder and reads a folder's lines back.</summary>
internal static class ManifestFolder
{
    /// <summary>K2HB file of <paramref name="lines"/> records with offsets starting at <paramref name="start"/>.</summary>
    public static string WriteK2hb(string folder, string topic, int partition, long start, int lines, bool finalNewline = true)
    {
        var name = $"{topic}_{partition}_{start}-{topic}_{partition}_{start + lines - 1}.txt";
        return Write(folder, name, Enumerable.Range(0, lines)
            .Select(i => $"id-{topic}-{partition}-{start + i}|{1_700_000_000_000 + i}|db|coll|STREAMED|K2HB|raw|KAFKA_RECORD"),
            finalNewline);
    }

    public static string WriteHtme(string folder, string topic, int batch, int lines)
    {
        var name = $"{topic}-000-255-{batch:000000}.csv";
        return Write(folder, name, Enumerable.Range(0, lines)
            .Select(i => $"\"{{\"\"$oid\"\":\"\"{topic}{batch}x{i}\"\"}}\"|1700000000000|db|coll|EXPORT|K2HB|{topic}{batch}x{i}|MONGO_INSERT"),
            finalNewline: true);
    }

    public static string Write(string folder, string name, IEnumerable<string> lines, bool finalNewline)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var text = string.Join('\n', lines);
        File.WriteAllText(path, finalNewline && text.Length > 0 ? text + "\n" : text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Every line of every file below <paramref name="folder"/>, sorted, as the comparison would read them.</summary>
    public static List<string> Lines(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Order(StringComparer.Ordinal)];

    public static List<string> Names(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f))
            .Order(StringComparer.Ordinal)];
}
