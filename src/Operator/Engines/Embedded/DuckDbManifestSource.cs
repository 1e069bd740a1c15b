using KafkaRecon.Operator.Sql;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Registers a side's manifests as a raw relation of eight VARCHAR columns c0..c7: exactly the files of the run's
/// input listing (<see cref="Inputs.InputListing"/>: no hidden names, no symbolic links, files older than the window
/// pruned), plain or gzip (by the <c>.gz</c> extension); pipe-separated, fields quoted and escaped with <c>"</c>, no
/// header. Remote files are staged to local paths before they reach this class.
/// </summary>
internal static class DuckDbManifestSource
{
    private static readonly char[] GlobCharacters = ['*', '?', '['];

    /// <summary>Registers <paramref name="files"/> (local paths) as <paramref name="relation"/>.</summary>
    public static void Register(
        DuckDbSession session, string relation, IReadOnlyList<string> files, string field, CancellationToken cancellationToken) =>
        Register(session, relation, ManifestFiles.Local(field, files), field, cancellationToken);

    /// <summary>Registers <paramref name="files"/> as <paramref name="relation"/>, naming each line's file as shown.</summary>
    public static void Register(
        DuckDbSession session, string relation, ManifestFiles files, string field, CancellationToken cancellationToken)
    {
        foreach (var file in files.Paths.Where(f => f.IndexOfAny(GlobCharacters) >= 0))
        {
            // DuckDB would expand these characters as a file pattern and could read other files.
            throw new ManifestSourceException(
                $"Manifest file '{file}' under {field} has one of the characters * ? [ in its path; rename it.");
        }
        session.Execute($"CREATE OR REPLACE TEMP VIEW {relation} AS {Scan(files)}", cancellationToken);
    }

    /// <summary>The SELECT reading <paramref name="files"/>; a typed empty relation when there are none.</summary>
    public static string Scan(IReadOnlyList<string> files) => Scan(ManifestFiles.Local("", files));

    /// <summary>The SELECT reading <paramref name="manifests"/>; a typed empty relation when there are none.</summary>
    public static string Scan(ManifestFiles manifests)
    {
        var files = manifests.Paths;
        var columns = Enumerable.Range(0, ComparisonSql.RawColumnCount).Select(i => $"c{i}").ToList();
        if (files.Count == 0)
        {
            return "SELECT " + string.Join(", ", columns.Prepend(ComparisonSql.FileColumn)
                .Select(c => $"CAST(NULL AS VARCHAR) AS {c}")) + " WHERE 1 = 0";
        }
        var types = string.Join(", ", columns.Select(c => $"'{c}': 'VARCHAR'"));
        // buffer_size: DuckDB's default (16 x max_line_size, 30.5 MiB per reading thread) no longer fits beside the
        // de-duplication, which aggregates while the text is read (compared_keys.sql): 1M records per side on 2
        // threads failed with Out of Memory under spec.transform.memoryLimit 256MiB (the comparison before issue 16
        // passed) and pass in 4 s with 4 MiB buffers, still twice the 2 MiB max_line_size the reader rules keep.
        return $"SELECT {Shown(manifests)} AS {ComparisonSql.FileColumn}, {string.Join(", ", columns)} " +
               $"FROM read_csv({DuckDbLiteral.List(files)}, " +
               "delim = '|', quote = '\"', escape = '\"', header = false, auto_detect = false, filename = true, " +
               $"compression = 'auto', buffer_size = 4194304, columns = {{{types}}})";
    }

    /// <summary>
    /// DuckDB's <c>filename</c>, with working copies renamed to the manifests they stand for. Only rejected_lines.sql
    /// reads the column, and only for the lines it rejects, so the renames cost clean input nothing.
    /// </summary>
    private static string Shown(ManifestFiles manifests)
    {
        if (manifests.Renames.Count == 0)
        {
            return "filename";
        }
        var cases = manifests.Renames.Select(rename =>
        {
            var local = DuckDbLiteral.String(rename.Local);
            return $"WHEN starts_with(filename, {local}) THEN {DuckDbLiteral.String(rename.Shown)} || substr(filename, length({local}) + 1)";
        });
        return $"CASE {string.Join(" ", cases)} ELSE filename END";
    }
}
