using System.Security.Cryptography;
using System.Text;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Where the embedded engine keeps a run's local files. DuckDB reads and writes local files only: for a local output
/// location that is the run folder itself; for an <c>s3://</c> output location it is a folder under the system temp
/// directory named after the run's S3 folder, holding the tables being built (transform) or read back (query) and
/// DuckDB's spill files, and removed when the phase ends. (DuckDB's httpfs extension could reach S3 itself, but the
/// bundled DuckDB does not include it and would download it at first use, which offline installations cannot; and
/// our S3 client already carries the credentials, endpoint and retries.)
/// </summary>
internal sealed class LocalWorkspace
{
    private readonly string? temporaryRoot;

    private LocalWorkspace(RunLayout layout, string? temporaryRoot)
    {
        Layout = layout;
        this.temporaryRoot = temporaryRoot;
    }

    /// <summary>True when the output location is on S3, so the local files are only a working copy.</summary>
    public bool IsTemporary => temporaryRoot is not null;

    /// <summary>The run's layout on local disk: the output's own layout, or the same layout below the temp folder.</summary>
    public RunLayout Layout { get; }

    public string Scratch => Layout.Scratch;

    public static LocalWorkspace For(RunLayout output)
    {
        if (!ObjectStoreLocation.IsS3(output.OutputLocation))
        {
            return new LocalWorkspace(output, null);
        }
        var root = TemporaryRoot(output);
        return new LocalWorkspace(new RunLayout(root, output.RunId), root);
    }

    /// <summary>The temp folder of an S3 run folder: one per run folder, so runs never share working files.</summary>
    public static string TemporaryRoot(RunLayout output)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(output.RunFolder));
        return Path.Combine(Path.GetTempPath(), "kafka-recon", Convert.ToHexStringLower(hash)[..20]);
    }

    /// <summary>Removes the temp folder (what an interrupted attempt left, or this attempt's files); a no-op locally.</summary>
    public void Clear()
    {
        if (temporaryRoot is not null)
        {
            DeleteScratch(temporaryRoot);
        }
    }

    /// <summary>Deletes a scratch folder, if it can: it only holds working files the next attempt recreates.</summary>
    public static void DeleteScratch(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Spill files and working copies only; a later attempt starts from an empty folder anyway.
        }
    }
}
