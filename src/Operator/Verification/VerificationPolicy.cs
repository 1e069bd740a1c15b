using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Operator.Verification;

/// <summary>The totals of a run and the thresholds they are judged by.</summary>
internal sealed record VerificationInput(RunTotals Totals, VerificationSpec Thresholds, IReadOnlyList<string> FailedQueries);

/// <summary>One reason a run fails verification.</summary>
internal sealed record VerificationFinding(string Reason, string Message);

internal delegate VerificationFinding? VerificationRule(VerificationInput input);

/// <summary>
/// Decides success or failure as a chain of pure rules (cert-manager's policy-chain shape). Unlike the reference
/// verifier, every total counts: wholly missing collections and databases, and, when thresholds are set, missing
/// imports and mismatched timestamps.
/// </summary>
internal static class VerificationPolicy
{
    public static readonly IReadOnlyList<VerificationRule> Rules =
    [
        SomeRecordsImported,
        RejectedLinesWithinThreshold,
        MissingExportsWithinThreshold,
        MissingImportsWithinThreshold,
        MismatchedTimestampsWithinThreshold,
        NoMissingCollections,
        NoMissingDatabases,
        ReportComplete,
    ];

    /// <summary>All findings, in rule order; none means the run is verified.</summary>
    public static IReadOnlyList<VerificationFinding> Evaluate(VerificationInput input) =>
        Rules.Select(rule => rule(input)).OfType<VerificationFinding>().ToList();

    /// <summary>An empty window proves nothing: an empty file, an empty folder or timestamps in seconds look like it.</summary>
    public static VerificationFinding? SomeRecordsImported(VerificationInput input) =>
        input.Totals.Imported == 0 && !input.Thresholds.AllowEmptyWindow
            ? new(ConditionReasons.NoRecords,
                $"no imported record falls in the window ({input.Totals.Exported} exported, " +
                $"{input.Totals.RejectedLines} lines rejected); set spec.verification.allowEmptyWindow to accept an " +
                "empty window")
            : null;

    public static VerificationFinding? RejectedLinesWithinThreshold(VerificationInput input) =>
        input.Totals.RejectedLines > input.Thresholds.MaxRejectedLines
            ? new(ConditionReasons.RejectedLines,
                $"{input.Totals.RejectedLines} manifest lines could not be read and were not compared " +
                $"(allowed: {input.Thresholds.MaxRejectedLines}); the run summary lists up to 20 samples")
            : null;

    public static VerificationFinding? MissingExportsWithinThreshold(VerificationInput input) =>
        input.Totals.MissingExports > input.Thresholds.MaxMissingExports
            ? new("RecordsMissing",
                $"{input.Totals.MissingExports} imported records are missing from the export " +
                $"(allowed: {input.Thresholds.MaxMissingExports})")
            : null;

    public static VerificationFinding? MissingImportsWithinThreshold(VerificationInput input) =>
        input.Thresholds.MaxMissingImports is { } max && input.Totals.MissingImports > max
            ? new("ImportsMissing",
                $"{input.Totals.MissingImports} exported records are missing from the import (allowed: {max})")
            : null;

    public static VerificationFinding? MismatchedTimestampsWithinThreshold(VerificationInput input) =>
        input.Thresholds.MaxMismatchedTimestamps is { } max && input.Totals.MismatchedTimestamps > max
            ? new("TimestampsMismatched",
                $"{input.Totals.MismatchedTimestamps} records have different timestamps in import and export " +
                $"(allowed: {max})")
            : null;

    public static VerificationFinding? NoMissingCollections(VerificationInput input) =>
        input.Thresholds.FailOnMissingCollections && input.Totals.MissingCollections > 0
            ? new("CollectionsMissing",
                $"{input.Totals.MissingCollections} collections were imported but have no exports at all")
            : null;

    public static VerificationFinding? NoMissingDatabases(VerificationInput input) =>
        input.Thresholds.FailOnMissingDatabases && input.Totals.MissingDatabases > 0
            ? new("DatabasesMissing",
                $"{input.Totals.MissingDatabases} databases were imported but have no exports at all")
            : null;

    public static VerificationFinding? ReportComplete(VerificationInput input) =>
        input.FailedQueries.Count > 0
            ? new("PartialReport", $"the report is partial: queries failed: {string.Join(", ", input.FailedQueries)}")
            : null;
}
