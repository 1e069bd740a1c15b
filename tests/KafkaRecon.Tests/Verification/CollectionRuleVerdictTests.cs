using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Verification;

namespace KafkaRecon.Tests.Verification;

/// <summary>The verdict with <c>spec.verification.collections</c>: which rule judges each collection, and which decided.</summary>
public sealed class CollectionRuleVerdictTests
{
    private static readonly CollectionCounts Orders = Counts("core", "orders", missingExports: 0);
    private static readonly CollectionCounts Flaky = Counts("core", "flaky", missingExports: 7, missingImports: 2);
    private static readonly CollectionCounts TestUsers = Counts("test_db", "users", missingExports: 50, mismatched: 4);

    private static CollectionCounts Counts(
        string database, string collection, long missingExports = 0, long missingImports = 0, long mismatched = 0, long exported = 100) =>
        new()
        {
            Database = database, Collection = collection, Imported = 100, Exported = exported,
            MissingExports = missingExports, MissingImports = missingImports, MismatchedEarlierInImport = mismatched,
        };

    private static CollectionRule Rule(string database, string collection, long? exports = null, long? imports = null, bool ignore = false) =>
        new() { Database = database, Collection = collection, MaxMissingExports = exports, MaxMissingImports = imports, Ignore = ignore };

    private static readonly Dictionary<string, (CollectionRule[] Rules, VerificationSpec Spec, string[] Expected)> Table = new()
    {
        ["no rules: every miss counts spec-wide"] =
            ([], new VerificationSpec(), ["RecordsMissing@spec.verification"]),
        ["test collections ignored, flaky within its own allowance"] =
            ([Rule("test_*", "*", ignore: true), Rule("core", "flaky", exports: 10)], new VerificationSpec(), []),
        ["flaky over its own allowance"] =
            ([Rule("test_*", "*", ignore: true), Rule("core", "flaky", exports: 5)], new VerificationSpec(),
                ["RecordsMissing@spec.verification.collections[1] (database 'core', collection 'flaky')"]),
        ["first matching entry wins"] =
            ([Rule("core", "fl*", exports: 10), Rule("core", "flaky", exports: 0), Rule("test_*", "*", ignore: true)],
                new VerificationSpec(), []),
        ["unset limit falls back to the spec-wide one for the collection alone"] =
            ([Rule("test_*", "*", ignore: true), Rule("core", "flaky", imports: 0)], new VerificationSpec { MaxMissingExports = 7 },
                ["ImportsMissing@spec.verification.collections[1] (database 'core', collection 'flaky')"]),
        ["unruled collections are judged together by the spec-wide thresholds"] =
            ([Rule("core", "flaky", exports: 10)], new VerificationSpec { MaxMissingExports = 49 },
                ["RecordsMissing@spec.verification"]),
        ["ignored collections leave the mismatch threshold too"] =
            ([Rule("*", "*", ignore: true)], new VerificationSpec { MaxMissingImports = 0, MaxMismatchedTimestamps = 0 }, []),
    };

    public static TheoryData<string> Cases => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_collection_is_judged_by_its_first_matching_rule(string name)
    {
        var (rules, spec, expected) = Table[name];
        spec.Collections = rules;

        var findings = VerificationPolicy.Evaluate(Input([Orders, Flaky, TestUsers], spec));

        Assert.Equal(expected, findings.Select(f => $"{f.Reason}@{f.Rule}"));
    }

    [Fact]
    public void A_collection_finding_names_the_collection_and_the_rule()
    {
        var spec = new VerificationSpec { Collections = [Rule("core", "flaky", exports: 5)] };

        var finding = Assert.Single(VerificationPolicy.Evaluate(Input([Flaky], spec)));

        Assert.Equal(
            "core.flaky: 7 imported records are missing from the export (allowed by spec.verification.collections[0] " +
            "(database 'core', collection 'flaky'): 5)", finding.Message);
    }

    [Fact]
    public void An_ignored_wholly_missing_collection_and_its_database_do_not_fail_the_run()
    {
        var gone = Counts("test_db", "users", missingExports: 100, exported: 0);
        var input = Input([Orders, gone], new VerificationSpec { Collections = [Rule("test_*", "*", ignore: true)] }) with
        {
            MissingCollections = [new CollectionKey("test_db", "users")],
            MissingDatabases = ["test_db"],
        };

        Assert.Empty(VerificationPolicy.Evaluate(input));
    }

    [Fact]
    public void A_wholly_missing_collection_with_an_allowance_still_fails_as_missing()
    {
        var gone = Counts("core", "gone", missingExports: 100, exported: 0);
        var input = Input([Orders, gone], new VerificationSpec { Collections = [Rule("core", "gone", exports: 1000)] }) with
        {
            MissingCollections = [new CollectionKey("core", "gone")],
        };

        var finding = Assert.Single(VerificationPolicy.Evaluate(input));

        Assert.Equal("CollectionsMissing", finding.Reason);
    }

    private static VerificationInput Input(IReadOnlyList<CollectionCounts> collections, VerificationSpec spec) =>
        new(new RunTotals
        {
            Imported = collections.Sum(c => c.Imported),
            Exported = collections.Sum(c => c.Exported),
            MissingExports = collections.Sum(c => c.MissingExports),
            MissingImports = collections.Sum(c => c.MissingImports),
            MismatchedEarlierInImport = collections.Sum(c => c.MismatchedEarlierInImport),
            MismatchedTimestamps = collections.Sum(c => c.MismatchedTimestamps),
        }, spec, []) { Collections = collections };
}
