using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Operator.Verification;

/// <summary>
/// The totals of a run and the thresholds they are judged by; with <c>spec.verification.collections</c>, also every
/// collection's counts and the wholly missing collections and databases (from the summary).
/// </summary>
internal sealed record VerificationInput(RunTotals Totals, VerificationSpec Thresholds, IReadOnlyList<string> FailedQueries)
{
    public IReadOnlyList<CollectionCounts> Collections { get; init; } = [];
    public IReadOnlyList<CollectionKey> MissingCollections { get; init; } = [];
    public IReadOnlyList<string> MissingDatabases { get; init; } = [];

    public static VerificationInput From(ReportSummary summary, VerificationSpec thresholds) =>
        new(summary.Totals, thresholds, summary.FailedQueries)
        {
            Collections = summary.Collections,
            MissingCollections = summary.MissingCollections,
            MissingDatabases = summary.MissingDatabases,
        };
}

/// <summary>One reason a run fails verification, and the rule that found it.</summary>
internal sealed record VerificationFinding(string Reason, string Message)
{
    public const string SpecWide = "spec.verification";

    /// <summary><see cref="SpecWide"/>, or the collection rule (<see cref="CollectionRule.Describe"/>).</summary>
    public string Rule { get; init; } = SpecWide;
}

internal delegate VerificationFinding? VerificationRule(VerificationInput input);

/// <summary>
/// Decides success or failure as a chain of pure rules (cert-manager's policy-chain shape). Unlike the reference
/// verifier, every total counts: wholly missing collections and databases, and, when thresholds are set, missing
/// imports and mismatched timestamps.
/// </summary>
internal static class VerificationPolicy
{
    /// <summary>The whole run and the collections without a rule of their own, judged together.</summary>
    public static readonly IReadOnlyList<VerificationRule> ThresholdRules =
    [
        SomeRecordsImported,
        RejectedLinesWithinThreshold,
        MissingExportsWithinThreshold,
        MissingImportsWithinThreshold,
        MismatchedTimestampsWithinThreshold,
    ];

    public static readonly IReadOnlyList<VerificationRule> CompletenessRules =
    [
        NoMissingCollections,
        NoMissingDatabases,
        ReportComplete,
    ];

    public static IEnumerable<VerificationRule> Rules => ThresholdRules.Concat(CompletenessRules);

    /// <summary>
    /// All findings: the threshold rules, then each collection rule's findings (by collection), then completeness;
    /// none means the run is verified. Collections an entry of <c>spec.verification.collections</c> matches are
    /// judged by it (or left out when it ignores them) instead of by the spec-wide thresholds.
    /// </summary>
    public static IReadOnlyList<VerificationFinding> Evaluate(VerificationInput input)
    {
        if (input.Thresholds.Collections.Count == 0)
        {
            return Rules.Select(rule => rule(input)).OfType<VerificationFinding>().ToList();
        }
        var match = CollectionRuleMatch.Of(input.Collections, input.Thresholds.Collections);
        var judged = input with { Totals = match.SpecWideTotals(input.Totals, input.MissingCollections, input.MissingDatabases) };
        return ThresholdRules.Select(rule => rule(judged)).OfType<VerificationFinding>()
            .Concat(match.Ruled.SelectMany(ruled => CollectionFindings(ruled, input.Thresholds)))
            .Concat(CompletenessRules.Select(rule => rule(judged)).OfType<VerificationFinding>())
            .ToList();
    }

    /// <summary>One ruled collection against its rule's limits (an unset limit falls back to the spec-wide one).</summary>
    public static IEnumerable<VerificationFinding> CollectionFindings(RuledCollection ruled, VerificationSpec thresholds)
    {
        var (counts, rule) = (ruled.Counts, ruled.Rule);
        var name = rule.Describe(ruled.Index);
        var where = $"{counts.Database}.{counts.Collection}";
        if (counts.MissingExports > (rule.MaxMissingExports ?? thresholds.MaxMissingExports))
        {
            yield return new("RecordsMissing",
                $"{where}: {counts.MissingExports} imported records are missing from the export " +
                $"(allowed by {name}: {rule.MaxMissingExports ?? thresholds.MaxMissingExports})") { Rule = name };
        }
        if ((rule.MaxMissingImports ?? thresholds.MaxMissingImports) is { } imports && counts.MissingImports > imports)
        {
            yield return new("ImportsMissing",
                $"{where}: {counts.MissingImports} exported records are missing from the import (allowed by {name}: {imports})")
                { Rule = name };
        }
        if ((rule.MaxMismatchedTimestamps ?? thresholds.MaxMismatchedTimestamps) is { } mismatched
            && counts.MismatchedTimestamps > mismatched)
        {
            yield return new("TimestampsMismatched",
                $"{where}: {counts.MismatchedTimestamps} records have different timestamps in import and export " +
                $"(allowed by {name}: {mismatched})") { Rule = name };
        }
    }

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
