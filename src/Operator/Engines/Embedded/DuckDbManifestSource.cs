using KafkaRecon.Operator.Sql;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Registers a side's manifests as a raw relation of eight VARCHAR columns c0..c7: every file below a local
/// folder, recursively (symbolic links are never followed, only counted), any name but a hidden one
/// (<see cref="HiddenManifestNames"/>, as Spark on Glue), plain or gzip (by the <c>.gz</c> extension); pipe-separated,
/// fields quoted and escaped with <c>"</c>, no header. Remote locations are staged to a local folder before they reach
/// this class.
/// </summary>
internal sealed class DuckDbManifestSource(IObjectStore store)
{
    private static readonly char[] GlobCharacters = ['*', '?', '['];

    /// <summary>Registers the files below <paramref name="location"/>; returns the symbolic links passed over.</summary>
    public async Task<long> RegisterAsync(
        DuckDbSession session, string relation, string location, string field, CancellationToken cancellationToken)
    {
        var skips = new ListingSkips();
        var files = await ListAsync(location, field, skips, cancellationToken);
        session.Execute($"CREATE OR REPLACE TEMP VIEW {relation} AS {Scan(files)}", cancellationToken);
        return skips.SymbolicLinks;
    }

    /// <summary>The SELECT reading <paramref name="files"/>; a typed empty relation when there are none.</summary>
    public static string Scan(IReadOnlyList<string> files)
    {
        var columns = Enumerable.Range(0, ComparisonSql.RawColumnCount).Select(i => $"c{i}").ToList();
        if (files.Count == 0)
        {
            return "SELECT " + string.Join(", ", columns.Prepend(ComparisonSql.FileColumn)
                .Select(c => $"CAST(NULL AS VARCHAR) AS {c}")) + " WHERE 1 = 0";
        }
        var types = string.Join(", ", columns.Select(c => $"'{c}': 'VARCHAR'"));
        return $"SELECT filename AS {ComparisonSql.FileColumn}, {string.Join(", ", columns)} " +
               $"FROM read_csv({DuckDbLiteral.List(files)}, " +
               "delim = '|', quote = '\"', escape = '\"', header = false, auto_detect = false, filename = true, " +
               $"compression = 'auto', columns = {{{types}}})";
    }

    internal async Task<IReadOnlyList<string>> ListAsync(
        string location, string field, ListingSkips skips, CancellationToken cancellationToken)
    {
        if (ObjectStoreLocation.IsS3(location))
        {
            throw new ManifestSourceException(
                $"{field} '{location}' is an S3 location; the embedded engine reads local folders only here.");
        }
        if (!Directory.Exists(location) && !File.Exists(location))
        {
            throw new ManifestSourceException($"{field} '{location}' does not exist; expected a folder of manifests.");
        }
        var files = new List<string>();
        await foreach (var stored in store.ListAsync(location, skips, cancellationToken))
        {
            // Hidden names include the member lists coalesce writes beside merged files.
            if (HiddenManifestNames.IsHidden(Path.GetFullPath(location), stored.Location))
            {
                continue;
            }
            if (stored.Location.IndexOfAny(GlobCharacters) >= 0)
            {
                // DuckDB would expand these characters as a file pattern and could read other files.
                throw new ManifestSourceException(
                    $"Manifest file '{stored.Location}' under {field} has one of the characters * ? [ in its path; " +
                    "rename it.");
            }
            files.Add(stored.Location);
        }
        return files;
    }
}
