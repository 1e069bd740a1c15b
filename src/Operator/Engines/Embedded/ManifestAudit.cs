using System.Globalization;
using System.Text;
using KafkaRecon.Operator.Manifests;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Sets aside the lines DuckDB's CSV reader cannot read (not eight fields, not UTF-8), so they become rejected lines
/// instead of failing the whole transform. Runs only after DuckDB failed on the input, so clean input is never read
/// twice: every file of both sides is read once with <see cref="ManifestRecordReader"/>; a file holding unreadable
/// lines is copied without them below <paramref name="folder"/>, and the lines themselves (side, reason, file, line,
/// sample) are written to one CSV file that <see cref="UnreadableLinesRelation"/> registers.
/// </summary>
internal sealed class ManifestAudit(string folder)
{
    public string LinesFile => Path.Combine(folder, "unreadable_lines.csv");

    public ManifestAuditResult Run(IReadOnlyList<ManifestFiles> sides, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        using var lines = new StreamWriter(LinesFile, append: false, new UTF8Encoding(false));
        long count = 0;
        string? first = null;
        var audited = new List<ManifestFiles>();
        foreach (var side in sides)
        {
            var copies = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in side.Paths)
            {
                var bad = Unreadable(path, cancellationToken);
                if (bad.Count == 0)
                {
                    continue;
                }
                var shown = side.Shown(path);
                foreach (var record in bad)
                {
                    lines.Write(Csv(side.Side, record.Reason!, shown, record.Line, record.Sample));
                    first ??= $"line {record.Line} of '{shown}' ({record.Reason})";
                }
                count += bad.Count;
                var copy = Path.Combine(folder, side.Side, copies.Count.ToString("D6", CultureInfo.InvariantCulture));
                CopyWithout(path, bad, copy, cancellationToken);
                copies[path] = copy;
            }
            audited.Add(side.WithCopies(copies));
        }
        return new ManifestAuditResult(audited, count, first);
    }

    private static List<ManifestRecord> Unreadable(string path, CancellationToken cancellationToken)
    {
        using var stream = ManifestRecordReader.Decompressed(File.OpenRead(path), path);
        return ManifestRecordReader.Read(stream, cancellationToken).Where(r => !r.IsReadable).ToList();
    }

    /// <summary>Copies the (decompressed) file leaving out the byte ranges of <paramref name="bad"/> records.</summary>
    private static void CopyWithout(string path, IReadOnlyList<ManifestRecord> bad, string copy, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        using var source = ManifestRecordReader.Decompressed(File.OpenRead(path), path);
        using var target = File.Create(copy);
        var buffer = new byte[1 << 16];
        long position = 0;
        var next = 0; // the next bad record
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = position + read;
            var at = position;
            while (at < end)
            {
                while (next < bad.Count && bad[next].End <= at)
                {
                    next++;
                }
                if (next < bad.Count && bad[next].Start <= at)
                {
                    at = Math.Min(end, bad[next].End); // skip the bad record's bytes
                    continue;
                }
                var keepUntil = next < bad.Count ? Math.Min(end, bad[next].Start) : end;
                target.Write(buffer, (int)(at - position), (int)(keepUntil - at));
                at = keepUntil;
            }
            position = end;
        }
    }

    private static string Csv(string side, string reason, string file, long line, string sample) =>
        string.Join('|', Quoted(side), Quoted(reason), Quoted(file), line.ToString(CultureInfo.InvariantCulture), Quoted(sample)) + "\n";

    private static string Quoted(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
