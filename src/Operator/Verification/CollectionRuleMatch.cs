using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Operator.Verification;

/// <summary>One collection and the rule that decides for it (null: the spec-wide thresholds).</summary>
internal sealed record RuledCollection(CollectionCounts Counts, CollectionRule Rule, int Index);

/// <summary>
/// Splits a run's collections by <c>spec.verification.collections</c> (first matching entry wins): ignored ones,
/// ones with their own limits, and the rest, whose counts the spec-wide thresholds judge together. Pure.
/// </summary>
internal sealed record CollectionRuleMatch(
    IReadOnlyList<CollectionCounts> Unruled,
    IReadOnlyList<RuledCollection> Ruled,
    IReadOnlyList<RuledCollection> Ignored)
{
    public static CollectionRuleMatch Of(IReadOnlyList<CollectionCounts> collections, IList<CollectionRule> rules)
    {
        var unruled = new List<CollectionCounts>();
        var ruled = new List<RuledCollection>();
        var ignored = new List<RuledCollection>();
        foreach (var collection in collections)
        {
            var index = FirstMatch(rules, collection.Database, collection.Collection);
            if (index < 0)
            {
                unruled.Add(collection);
            }
            else if (rules[index].Ignore)
            {
                ignored.Add(new RuledCollection(collection, rules[index], index));
            }
            else
            {
                ruled.Add(new RuledCollection(collection, rules[index], index));
            }
        }
        return new CollectionRuleMatch(unruled, ruled, ignored);
    }

    public static int FirstMatch(IList<CollectionRule> rules, string database, string collection)
    {
        for (var index = 0; index < rules.Count; index++)
        {
            if (GlobPattern.Matches(rules[index].Database, database) && GlobPattern.Matches(rules[index].Collection, collection))
            {
                return index;
            }
        }
        return -1;
    }

    /// <summary>
    /// The totals the spec-wide thresholds judge: discrepancies of the unruled collections only; missing collections
    /// not ignored; missing databases that still have an imported collection not ignored. Whole-run totals (imported,
    /// exported, rejected lines) stay as they are.
    /// </summary>
    public RunTotals SpecWideTotals(RunTotals totals, IReadOnlyList<CollectionKey> missingCollections, IReadOnlyList<string> missingDatabases)
    {
        var ignoredKeys = Ignored.Select(c => new CollectionKey(c.Counts.Database, c.Counts.Collection)).ToHashSet();
        var stillJudged = Unruled.Concat(Ruled.Select(r => r.Counts))
            .Where(c => c.Imported > 0).Select(c => c.Database).ToHashSet(StringComparer.Ordinal);
        return totals with
        {
            MissingExports = Unruled.Sum(c => c.MissingExports),
            MissingImports = Unruled.Sum(c => c.MissingImports),
            MismatchedEarlierInImport = Unruled.Sum(c => c.MismatchedEarlierInImport),
            MismatchedEarlierInExport = Unruled.Sum(c => c.MismatchedEarlierInExport),
            MismatchedTimestamps = Unruled.Sum(c => c.MismatchedTimestamps),
            MissingCollections = missingCollections.Count(key => !ignoredKeys.Contains(key)),
            MissingDatabases = missingDatabases.Count(stillJudged.Contains),
        };
    }
}
