using System.Text.Json;

namespace KafkaRecon.Operator.Generation;

/// <summary>
/// Writes a sample day of manifests (K2HB import files, HTME export files) with known differences, its
/// <c>truth.json</c> and a ready <c>reconciliation.yaml</c>. Deterministic for a seed; memory does not grow with the
/// number of records (each record is derived from the seed and its number, and tallied as it is written).
/// </summary>
internal sealed class SampleDataGenerator
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Writes the sample; returns null and the truth, or why the options cannot be used.</summary>
    public (string? Error, SampleTruth? Truth) Generate(GenerateOptions options, bool replace, CancellationToken cancellationToken)
    {
        if (options.Validate() is { } invalid)
        {
            return (invalid, null);
        }
        var layout = new SampleLayout(Path.GetFullPath(options.OutputFolder));
        if (layout.Prepare(replace) is { } refused)
        {
            return (refused, null);
        }
        var window = SampleWindow.ForDay(options.Date, options.MarginMinutes);
        var planner = new RecordPlanner(options.Seed, window, new FateTable(options.MissingPercent));
        var parts = SampleCatalog.Collections.Select(c => new CollectionLineParts(c, options.Seed)).ToArray();
        var units = SampleCatalog.Allocate(options.Records)
            .SelectMany(a => Enumerable.Range(0, a.Collection.Partitions)
                .Select(p => new SampleUnit(a.Collection, a.First, a.Count, p)))
            .ToArray();
        var importStats = new SampleFileStats();
        var exportStats = new SampleFileStats();
        var tallies = new CollectionTally[units.Length];

        // Largest units first so the last ones to finish are small.
        var order = Enumerable.Range(0, units.Length).OrderByDescending(i => units[i].Records).ToArray();
        Parallel.ForEach(order,
            new ParallelOptions
            {
                MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount,
                CancellationToken = cancellationToken,
            },
            i => tallies[i] = units[i].Write(layout, planner, parts[units[i].Collection.Index], options.Seed, window, importStats, exportStats));

        var perCollection = SampleCatalog.Collections.Select(c => (Collection: c, Tally: new CollectionTally())).ToArray();
        for (var i = 0; i < units.Length; i++)
        {
            perCollection[units[i].Collection.Index].Tally.Add(tallies[i]);
        }
        var rows = TruthTotals.Rows(perCollection);
        var truth = new SampleTruth
        {
            Seed = options.Seed,
            Records = options.Records,
            MissingPercent = options.MissingPercent,
            WindowStart = DateTimeOffset.FromUnixTimeMilliseconds(window.StartMs),
            WindowEnd = DateTimeOffset.FromUnixTimeMilliseconds(window.EndMs),
            MarginMinutes = options.MarginMinutes,
            Totals = TruthTotals.Totals(rows),
            Collections = rows,
            MissingDatabases = TruthTotals.MissingDatabases(rows),
            MissingCollections = TruthTotals.MissingCollections(rows),
            Import = SampleSideFiles.Of(layout.ImportRoot, importStats),
            Export = SampleSideFiles.Of(layout.ExportRoot, exportStats),
        };
        File.WriteAllText(layout.TruthFile, JsonSerializer.Serialize(truth, JsonOptions) + "\n");
        File.WriteAllText(layout.ResourceFile, ReconciliationResourceText.Yaml(layout, window));
        return (null, truth);
    }
}
