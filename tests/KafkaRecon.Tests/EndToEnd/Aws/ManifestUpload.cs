using System.IO.Compression;
using Amazon.S3;
using Amazon.S3.Model;

namespace KafkaRecon.Tests.EndToEnd.Aws;

/// <summary>
/// Puts a generated sample's manifests on S3. Import files are cut into pieces of a few lines each (gzip pieces of
/// gzip files), so that side holds more than 1000 objects and listing it takes several S3 pages; the content,
/// line for line, is unchanged, and the comparison never looks at file names.
/// </summary>
internal static class ManifestUpload
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
        var dot = key.IndexOf('.', key.LastIndexOf('/') + 1);
        var (stem, extension) = dot < 0 ? (key, "") : (key[..dot], key[dot..]);
        for (var piece = 0; piece * linesPerPiece < lines.Count; piece++)
        {
            var text = string.Concat(lines.Skip(piece * linesPerPiece).Take(linesPerPiece).Select(line => line + "\n"));
            yield return ($"{stem}-part{piece:000}{extension}", Encode(text, gzip));
        }
    }

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
