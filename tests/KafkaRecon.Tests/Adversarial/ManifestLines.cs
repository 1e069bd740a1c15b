using System.Text;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>Lines of manifest files as the comparison reads them, and a writer appending whole lines.</summary>
internal static class ManifestLines
{
    /// <summary>Every line of every non-hidden file below <paramref name="folder"/>, sorted.</summary>
    public static List<string> All(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .SelectMany(Of)
            .Order(StringComparer.Ordinal)];

    public static IEnumerable<string> Of(string file)
    {
        var text = File.ReadAllText(file);
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : text.Length == 0 ? [] : lines;
    }

    /// <summary>Appends <paramref name="line"/> as a line of its own, ending an unterminated last line first.</summary>
    public static void Append(string file, string line)
    {
        var needsNewline = File.Exists(file) && new FileInfo(file).Length > 0 && !File.ReadAllText(file).EndsWith('\n');
        File.AppendAllText(file, (needsNewline ? "\n" : "") + line + "\n", new UTF8Encoding(false));
    }
}
