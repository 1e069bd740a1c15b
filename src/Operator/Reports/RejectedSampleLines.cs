using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Manifests;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Reports;

/// <summary>
/// Gives the report's rejected-line samples (at most 20) their line and original file. Neither engine's CSV reader
/// numbers lines, so for a sample without one only the files the samples name are read again, record by record with
/// the readers' rules, until each sample's line is found (its fields, or its raw text for a line that could not be
/// split, equal the sample); clean input is never read. A line of a merged file is then traced through the file's
/// member index to the original and its line. A file that cannot be read leaves its samples as they were.
/// </summary>
internal sealed class RejectedSampleLines(IObjectStore store)
{
    public async Task<IReadOnlyList<RejectedLineSample>> LocateAsync(
        IReadOnlyList<RejectedLineSample> samples, CancellationToken cancellationToken)
    {
        var located = samples.ToArray();
        foreach (var file in samples.Select(s => s.File).Distinct(StringComparer.Ordinal))
        {
            var indexes = Enumerable.Range(0, located.Length).Where(i => located[i].File == file).ToList();
            try
            {
                await NumberAsync(file, located, indexes, cancellationToken);
                await TraceMergedAsync(file, located, indexes, cancellationToken);
            }
            catch (Exception exception) when (exception is InvalidDataException or FormatException
                                              || StorageFailure.Is(exception, cancellationToken))
            {
                // The samples stay as the engine gave them: a sample without its line is still a true sample.
            }
        }
        return located;
    }

    private async Task NumberAsync(string file, RejectedLineSample[] located, List<int> indexes, CancellationToken cancellationToken)
    {
        var open = indexes.Where(i => located[i].Line is null).ToList();
        if (open.Count == 0)
        {
            return;
        }
        await using var raw = await store.OpenReadAsync(file, cancellationToken);
        await Task.Run(() =>
        {
            using var stream = ManifestRecordReader.Decompressed(raw, file);
            foreach (var record in ManifestRecordReader.Read(stream, cancellationToken))
            {
                var match = open.FindIndex(i => Matches(record, located[i]));
                if (match < 0)
                {
                    continue;
                }
                located[open[match]] = located[open[match]] with { Line = record.Line };
                open.RemoveAt(match);
                if (open.Count == 0)
                {
                    return;
                }
            }
        }, cancellationToken);
    }

    private static bool Matches(ManifestRecord record, RejectedLineSample sample) =>
        (UnreadableReason.IsReaderReason(sample.Reason) && record.Reason == sample.Reason && record.Sample == sample.Sample)
        || (record.Fields is { } fields && SampleText.Joined(fields) == sample.Sample
            && SqlRejectReason.Holds(sample.Side, sample.Reason, fields)); // bad_field_count too: a line end in a field

    private async Task TraceMergedAsync(string file, RejectedLineSample[] located, List<int> indexes, CancellationToken cancellationToken)
    {
        if (!indexes.Any(i => located[i].Line is not null)
            || await new MemberLocator(store).ReadIndexAsync(file, cancellationToken) is not { Provisional: false } members)
        {
            return;
        }
        foreach (var i in indexes)
        {
            if (located[i].Line is { } line && members.LineAt(line) is { } original)
            {
                located[i] = located[i] with { File = ObjectPath.Sibling(file, original.Original), Line = original.Line };
            }
        }
    }
}
