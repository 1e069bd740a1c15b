using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Tests.Metrics;

/// <summary>Finished resources and report summaries with known numbers, for metrics and notification tests.</summary>
internal static class SampleRuns
{
    public static readonly DateTimeOffset WindowStart = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Started = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Completed = new(2026, 11, 26, 3, 25, 7, TimeSpan.Zero);

    public static KafkaReconciliation Resource(
        string name = "daily-2026-11-25", string? schedule = "daily", string @namespace = "recon")
    {
        var labels = new Dictionary<string, string>();
        if (schedule is not null)
        {
            labels[WellKnown.ScheduleLabel] = schedule;
        }
        return new KafkaReconciliation
        {
            Metadata = new V1ObjectMeta
            {
                Name = name, NamespaceProperty = @namespace, Uid = "0f3c2a5e-uid", Labels = labels,
            },
            Spec = new KafkaReconciliationSpec
            {
                Engine = EngineKind.Embedded,
                Manifests = new ManifestsSpec { ImportLocation = "/data/import", ExportLocation = "/data/export" },
                Output = new OutputSpec { Location = "s3://recon-bucket/output" },
            },
        };
    }

    public static KafkaReconciliation Finished(
        ReconciliationPhase phase, long missingExports = 1234, IEnumerable<CollectionResult>? top = null,
        string name = "daily-2026-11-25", string? schedule = "daily")
    {
        var resource = Resource(name, schedule);
        resource.Status = new KafkaReconciliationStatus
        {
            Phase = phase,
            RunId = $"{name}-20261125",
            StartTime = Started,
            CompletionTime = Completed,
            Window = new ResolvedWindow { Start = WindowStart, End = WindowStart.AddDays(1) },
            Results = new ReconciliationResults
            {
                Imported = 1_000_000,
                Exported = 998_766 + (1234 - missingExports),
                MissingExports = missingExports,
                MissingImports = 17,
                MismatchedTimestamps = 9,
                MissingCollections = 2,
                MissingDatabases = 1,
                ReportLocation = "s3://recon-bucket/output/results/daily-2026-11-25-20261125_results.json",
            },
            TopCollections = (top ?? DefaultTop()).ToList(),
        };
        return resource;
    }

    /// <summary>Shows a first check that found 1234 exports missing and a recheck 24 h later that recovered 1200.</summary>
    public static void Rechecked(Operator.Metrics.KafkaReconMetrics metrics)
    {
        var first = new CheckRecord { Number = 1, Time = Completed, Verdict = "Failed", MissingExports = 1234, MissingImports = 0 };
        var recheck = new CheckRecord
        {
            Number = 2, Time = Completed.AddHours(24), Verdict = "Failed", MissingExports = 34, MissingImports = 0, Recovered = 1200,
        };
        metrics.Checks.CheckRecorded(Resource(), first, first);
        metrics.Checks.CheckRecorded(Resource(), recheck, first);
    }

    public static IEnumerable<CollectionResult> DefaultTop() =>
    [
        new() { Database = "core", Collection = "contract", Imported = 500_000, Exported = 499_000, MissingExports = 1000, MissingImports = 3 },
        new() { Database = "core", Collection = "claimant", Imported = 300_000, Exported = 299_800, MissingExports = 200, MissingImports = 0 },
        new() { Database = "accepted-data", Collection = "address", Imported = 200_000, Exported = 199_966, MissingExports = 34, MissingImports = 14 },
    ];

    /// <summary>A summary as the query phase writes it: 3 collections, 1234 exports missing in total.</summary>
    public static ReportSummary Summary() => new()
    {
        RunId = "daily-2026-11-25-20261125",
        WindowStart = WindowStart,
        WindowEnd = WindowStart.AddDays(1),
        Totals = new RunTotals
        {
            Imported = 1_000_000, Exported = 998_766, MissingExports = 1234, MissingImports = 17,
            MismatchedTimestamps = 9, MismatchedEarlierInExport = 9, MissingCollections = 2, MissingDatabases = 1,
        },
        Collections =
        [
            new() { Database = "core", Collection = "contract", Imported = 500_000, Exported = 499_000, MissingExports = 1000, MissingImports = 3 },
            new() { Database = "core", Collection = "claimant", Imported = 300_000, Exported = 299_800, MissingExports = 200 },
            new() { Database = "accepted-data", Collection = "address", Imported = 200_000, Exported = 199_966, MissingExports = 34, MissingImports = 14 },
        ],
        MissingCollections = [new CollectionKey("core", "statement"), new CollectionKey("core", "award")],
        MissingDatabases = ["penalties"],
        ReportLocation = "s3://recon-bucket/output/results/daily-2026-11-25-20261125_results.json",
    };
}
