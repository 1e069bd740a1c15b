using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;

namespace KafkaRecon.Tests.EndToEnd.Aws;

/// <summary>
/// Puts a generated sample's manifests on S3. Import files are cut into pieces of a few lines each (gzip pieces of
/// gzip files), so that side holds more than 1000 objects and listing it takes several S3 pages; the content,
/// line for line, is unchanged. A K2HB piece is named for the offsets of its own lines, as K2HB would have named a
/// smaller file, so the coalescer still recognises and merges it.
/// </summary>
internal static partial class ManifestUpload
{
    public static async Task<int> UploadAsync(
        IAmazonS3 s3, string folder, string bucket, string prefix, int linesPerPiece)
    {
        var pieces = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(file => Cut(file, Path.GetRelativePath(folder, file).Replace('\\', '/'), linesPerPiece))
            .ToList();
        await Parallel.ForEachAsync(pieces, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (piece, token) =>
        {
            using var content = new MemoryStream(piece.Content);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = $"{prefix}/{piece.Key}", InputStream = content }, token);
        });
        return pieces.Count;
    }

    private static IEnumerable<(string Key, byte[] Content)> Cut(string file, string key, int linesPerPiece)
    {
        if (linesPerPiece <= 0)
        {
            yield return (key, File.ReadAllBytes(file));
            yield break;
        }
        var gzip = key.EndsWith(".gz", StringComparison.Ordinal);
        var lines = ReadLines(file, gzip);
        for (var first = 0; first < lines.Count; first += linesPerPiece)
        {
            var count = Math.Min(linesPerPiece, lines.Count - first);
            var text = string.Concat(lines.Skip(first).Take(count).Select(line => line + "\n"));
            yield return (PieceName(key, first, first + count - 1), Encode(text, gzip));
        }
    }

    /// <summary>A K2HB name covers the offsets of its lines, one offset a line; any other name gets a piece number.</summary>
    private static string PieceName(string key, int firstLine, int lastLine)
    {
        var folder = key[..(key.LastIndexOf('/') + 1)];
        var name = key[folder.Length..];
        if (K2hbName().Match(name) is { Success: true } k2hb)
        {
            var start = long.Parse(k2hb.Groups["start"].Value, CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture,
                $"{folder}{k2hb.Groups["head"].Value}{start + firstLine}-{k2hb.Groups["tail"].Value}{start + lastLine}{k2hb.Groups["extension"].Value}");
        }
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var (stem, extension) = dot < 0 ? (name, "") : (name[..dot], name[dot..]);
        return $"{folder}{stem}-part{firstLine:000000}{extension}";
    }

    [GeneratedRegex(@"^(?<head>.+?_\d+_)(?<start>\d+)-(?<tail>.+_\d+_)\d+(?<extension>\.txt(\.gz)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex K2hbName();

    private static List<string> ReadLines(string file, bool gzip)
    {
        using var stream = File.OpenRead(file);
        using var reader = new StreamReader(gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }

    private static byte[] Encode(string text, bool gzip)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        if (!gzip)
        {
            return bytes;
        }
        using var buffer = new MemoryStream();
        using (var compressor = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            compressor.Write(bytes);
        }
        return buffer.ToArray();
    }
}
