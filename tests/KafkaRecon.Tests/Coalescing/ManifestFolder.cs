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

    /// <summary>Every line of every manifest file below <paramref name="folder"/>, sorted, as the comparison would read them.</summary>
    public static List<string> Lines(string folder) =>
        [.. Manifests(folder).SelectMany(File.ReadLines).Order(StringComparer.Ordinal)];

    public static List<string> Names(string folder) =>
        [.. Manifests(folder).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    /// <summary>As <see cref="Directory.GetFiles(string, string, SearchOption)"/>, without hidden files (member indexes).</summary>
    public static string[] Files(string folder, string pattern = "*", SearchOption option = SearchOption.TopDirectoryOnly) =>
        [.. Directory.GetFiles(folder, pattern, option).Where(f => !Path.GetFileName(f).StartsWith('.'))];

    /// <summary>The files below the folder except hidden ones (member indexes, temporaries of unfinished writes).</summary>
    public static IEnumerable<string> Manifests(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'));
}
