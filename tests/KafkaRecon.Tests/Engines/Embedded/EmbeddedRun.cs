using System.IO.Compression;
using System.Text;
using DuckDB.NET.Data;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Storage;
using Microsoft.Extensions.Time.Testing;

namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>
/// A throwaway run of the embedded engines: manifests written into a temp folder, a window, and helpers that read
/// the Parquet result tables back with DuckDB.
/// </summary>
internal sealed class EmbeddedRun : IDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly long StartMs = Start.ToUnixTimeMilliseconds();
    public static readonly long EndMs = StartMs + 86_400_000L;

    public EmbeddedRun(int marginMinutes = 0)
    {
        Root = Path.Combine(Path.GetTempPath(), "kafka-recon-tests", Guid.NewGuid().ToString("N"));
        ImportFolder = Path.Combine(Root, "import");
        ExportFolder = Path.Combine(Root, "export");
        Directory.CreateDirectory(ImportFolder);
        Directory.CreateDirectory(ExportFolder);
        Spec = new KafkaReconciliationSpec
        {
            Engine = EngineKind.Embedded,
            Manifests = new ManifestsSpec { ImportLocation = ImportFolder, ExportLocation = ExportFolder },
            Output = new OutputSpec { Location = Path.Combine(Root, "output") },
            Transform = new TransformSpec { Threads = 2 },
            Window = new WindowSpec { Start = Start, End = Start.AddDays(1), MarginMinutes = marginMinutes },
        };
        Window = new ResolvedWindow { Start = Start, End = Start.AddDays(1), MarginMinutes = marginMinutes };
    }

    public string Root { get; }
    public string ImportFolder { get; }
    public string ExportFolder { get; }
    public KafkaReconciliationSpec Spec { get; }
    public ResolvedWindow Window { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 3, 2, 6, 30, 15, 123, TimeSpan.Zero).AddTicks(4560));
    public LocalObjectStore Store { get; } = new();

    /// <summary>The run id; the transform's fingerprinted id once it ran, as the planner would record it.</summary>
    public string RunId { get; private set; } = "nightly-2024-03-01";

    public PhaseContext Context => new(
        new ResourceIdentity("default", "nightly", "uid-1"), RunId, Window, Spec, 1, "key", []);

    public RunLayout Layout => Context.Layout;

    public void WriteImports(string fileName, params string[] lines) => Write(ImportFolder, fileName, lines);

    public void WriteExports(string fileName, params string[] lines) => Write(ExportFolder, fileName, lines);

    public void WriteGzipImports(string fileName, params string[] lines) => WriteGzip(ImportFolder, fileName, lines);

    public void WriteGzipExports(string fileName, params string[] lines) => WriteGzip(ExportFolder, fileName, lines);

    public async Task<PhaseObservation> TransformAsync()
    {
        var observation = await new DuckDbTransformer(Store, Time).StartAsync(Context, CancellationToken.None);
        RunId = observation.RunId ?? RunId;
        return observation;
    }

    /// <summary>The transform through <paramref name="store"/> over another window (a store with its own clock).</summary>
    public async Task<PhaseObservation> TransformAsync(IObjectStore store, ResolvedWindow window)
    {
        var observation = await new DuckDbTransformer(store).StartAsync(Context with { Window = window }, CancellationToken.None);
        RunId = observation.RunId ?? RunId;
        return observation;
    }

    public Task<PhaseObservation> QueryAsync() =>
        new DuckDbQueryRunner(Store, Time).StartAsync(Context, CancellationToken.None);

    public async Task TransformSucceedsAsync()
    {
        var observation = await TransformAsync();
        Assert.True(observation.State == ObservedState.Succeeded, $"{observation.Reason}: {observation.Message}");
    }

    /// <summary>Every row of a result table as strings ("null" for NULL), ordered by <paramref name="orderBy"/>.</summary>
    public IReadOnlyList<string> Rows(string table, string columns, string orderBy)
    {
        var folder = Layout.Table(table);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {columns} FROM read_parquet('{folder.Replace("'", "''")}/*.parquet') ORDER BY {orderBy}";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    public IReadOnlyList<string> MissingExports() =>
        Rows(RunLayout.MissingExportsTable, "id, database, collection, import_timestamp, import_component, import_type",
            "database, collection, id");

    public IReadOnlyList<string> MissingImports() =>
        Rows(RunLayout.MissingImportsTable, "id, database, collection, export_timestamp, export_component, export_type",
            "database, collection, id");

    public IReadOnlyList<string> Mismatched() =>
        Rows(RunLayout.MismatchedTimestampsTable,
            "id, database, collection, import_timestamp, export_timestamp, earliest_timestamp, latest_timestamp, earliest_manifest",
            "database, collection, id");

    /// <summary>Counts as "db|collection|imported|exported|data_load|streaming|missing_imp|missing_exp|earlier_imp|earlier_exp".</summary>
    public IReadOnlyList<string> Counts() =>
        Rows(RunLayout.CountsTable,
            "database, collection, imported_count, exported_count, exported_count_from_data_load, " +
            "exported_count_from_streaming_feed, missing_imported_count, missing_exported_count, " +
            "mismatched_timestamps_earlier_in_import_count, mismatched_timestamps_earlier_in_export_count",
            "database, collection");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Write(string folder, string fileName, string[] lines)
    {
        var path = Path.Combine(folder, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Concat(lines.Select(line => line + "\n")), new UTF8Encoding(false));
    }

    private static void WriteGzip(string folder, string fileName, string[] lines)
    {
        var path = Path.Combine(folder, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(new UTF8Encoding(false).GetBytes(string.Concat(lines.Select(line => line + "\n"))));
    }
}
