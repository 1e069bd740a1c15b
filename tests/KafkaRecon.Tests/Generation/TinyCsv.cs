using System.IO.Compression;
using System.Text;

namespace KafkaRecon.Tests.Generation;

/// <summary>
/// A deliberately small, independent reader of manifest files (pipe-separated, double-quote quoting with doubled
/// quotes, plain or .gz), so the generator's truth is checked against the files and not against itself.
/// </summary>
internal static class TinyCsv
{
    public static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == '|')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }

    public static IEnumerable<string> Lines(string file)
    {
        using var stream = File.OpenRead(file);
        using var content = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(content, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    public static IEnumerable<string> AllLines(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.')) // hidden: coalesce's member indexes, not manifests
            .Order(StringComparer.Ordinal).SelectMany(Lines);
}
