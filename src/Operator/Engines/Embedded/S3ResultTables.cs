using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// A run's result tables under an <c>s3://</c> output location, at the keys the AWS engine's Glue job writes
/// (<c>runs/RUN/tables/TABLE/</c>), so both engines leave results in the same place. S3 has no atomic rename, so
/// completeness is a <c>_SUCCESS</c> object uploaded after every table file: without it the run has no tables,
/// whatever an interrupted upload left behind (that is removed before the next upload).
/// </summary>
internal sealed class S3ResultTables(IObjectStore store, RunLayout layout)
{
    /// <summary>The folder holding one subfolder per table.</summary>
    public string Location => RunLayout.Join(layout.RunFolder, "tables");

    private string Marker => RunLayout.Join(Location, ResultTableFolder.SuccessMarker);

    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await store.ExistsAsync(Marker, cancellationToken);
        }
        catch (Exception exception) when (StorageFailure.Is(exception, cancellationToken) && exception is not IOException)
        {
            // S3's own message ("Access Denied") names no object; say which one under spec.output.location.
            throw new IOException(
                $"Looking for '{Marker}' (spec.output.location) failed: {exception.Message}", exception);
        }
    }

    /// <summary>Replaces whatever is under <see cref="Location"/> with the published local tables, marker last.</summary>
    public async Task UploadAsync(ResultTableFolder tables, CancellationToken cancellationToken)
    {
        var stale = new List<string>();
        await foreach (var item in store.ListAsync(Location, cancellationToken))
        {
            stale.Add(item.Location);
        }
        if (stale.Count > 0)
        {
            await store.DeleteAsync(stale, cancellationToken);
        }
        foreach (var table in RunLayout.Tables)
        {
            // Every table has at least one file; none means the working copy went (a cancelled run's is removed while
            // its upload may still be unwinding), and a marker over the rest would publish a table as empty.
            var files = tables.Files(table);
            if (files.Count == 0)
            {
                throw new IOException($"The result table '{table}' has no file in the working copy; nothing was published.");
            }
            foreach (var file in files)
            {
                await using var content = File.OpenRead(file);
                await store.WriteAsync(RunLayout.Join(Location, table, Path.GetFileName(file)), content, cancellationToken);
            }
        }
        var marker = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(tables.Fingerprint), writable: false);
        await store.WriteAsync(Marker, marker, cancellationToken);
    }

    /// <summary>The fingerprint in the published marker; empty when there is none.</summary>
    public async Task<string> FingerprintAsync(CancellationToken cancellationToken)
    {
        await using var marker = await store.OpenReadAsync(Marker, cancellationToken);
        using var reader = new StreamReader(marker);
        return (await reader.ReadToEndAsync(cancellationToken)).Trim();
    }

    /// <summary>Copies the complete tables (marker included) into the local <paramref name="tables"/> folder.</summary>
    public async Task DownloadAsync(ResultTableFolder tables, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(tables.Final);
        await new S3Staging(store, new LocalObjectStore()).DownloadAsync(Location, tables.Final, cancellationToken);
    }
}
