using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Verification;

namespace KafkaRecon.Tests.Verification;

public sealed class VerificationPolicyTests
{
    private static readonly Dictionary<string, (RunTotals Totals, VerificationSpec Thresholds, string[] Reasons)> Table = new()
    {
        ["clean run"] = (new RunTotals { Imported = 10, Exported = 10 }, new VerificationSpec(), []),
        ["one missing export"] = (new RunTotals { Imported = 3, MissingExports = 1 }, new VerificationSpec(), ["RecordsMissing"]),
        ["missing exports within threshold"] = (new RunTotals { Imported = 9, MissingExports = 5 },
            new VerificationSpec { MaxMissingExports = 5 }, []),
        ["missing imports ignored by default"] = (new RunTotals { Imported = 1, MissingImports = 9 }, new VerificationSpec(), []),
        ["missing imports over threshold"] = (new RunTotals { Imported = 1, MissingImports = 9 },
            new VerificationSpec { MaxMissingImports = 8 }, ["ImportsMissing"]),
        ["mismatches ignored by default"] = (new RunTotals { Imported = 4, MismatchedTimestamps = 4 }, new VerificationSpec(), []),
        ["mismatches over threshold"] = (new RunTotals { Imported = 4, MismatchedTimestamps = 4 },
            new VerificationSpec { MaxMismatchedTimestamps = 0 }, ["TimestampsMismatched"]),
        ["wholly missing collection"] = (new RunTotals { Imported = 1, MissingCollections = 1 }, new VerificationSpec(),
            ["CollectionsMissing"]),
        ["missing collection tolerated"] = (new RunTotals { Imported = 1, MissingCollections = 1 },
            new VerificationSpec { FailOnMissingCollections = false }, []),
        ["wholly missing database"] = (new RunTotals { Imported = 7, MissingDatabases = 1, MissingCollections = 2, MissingExports = 7 },
            new VerificationSpec(), ["RecordsMissing", "CollectionsMissing", "DatabasesMissing"]),
        ["empty window"] = (new RunTotals(), new VerificationSpec(), ["NoRecords"]),
        ["empty window allowed"] = (new RunTotals(), new VerificationSpec { AllowEmptyWindow = true }, []),
        ["rejected line"] = (new RunTotals { Imported = 1, RejectedLines = 1 }, new VerificationSpec(), ["RejectedLines"]),
        ["rejected lines within threshold"] = (new RunTotals { Imported = 1, RejectedLines = 3 },
            new VerificationSpec { MaxRejectedLines = 3 }, []),
        ["missing database tolerated"] = (new RunTotals { Imported = 1, MissingDatabases = 1 },
            new VerificationSpec { FailOnMissingDatabases = false }, []),
    };

    public static TheoryData<string> Cases => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Findings_follow_the_thresholds(string name)
    {
        var (totals, thresholds, reasons) = Table[name];
        var findings = VerificationPolicy.Evaluate(new VerificationInput(totals, thresholds, []));
        Assert.Equal(reasons, findings.Select(f => f.Reason));
    }

    [Fact]
    public void Partial_report_fails_even_with_clean_totals()
    {
        var findings = VerificationPolicy.Evaluate(
            new VerificationInput(new RunTotals { Imported = 1 }, new VerificationSpec(), ["Missing exported totals"]));
        var finding = Assert.Single(findings);
        Assert.Equal("PartialReport", finding.Reason);
        Assert.Contains("Missing exported totals", finding.Message);
    }

    [Fact]
    public void Finding_message_states_the_count_and_the_allowance()
    {
        var finding = VerificationPolicy.MissingExportsWithinThreshold(new VerificationInput(
            new RunTotals { MissingExports = 12 }, new VerificationSpec { MaxMissingExports = 2 }, []));
        Assert.Equal("12 imported records are missing from the export (allowed: 2)", finding!.Message);
    }

    [Fact]
    public void Top_collections_list_only_discrepancies_most_missing_first_at_most_twenty()
    {
        var collections = Enumerable.Range(0, 30)
            .Select(i => new CollectionCounts { Database = "db", Collection = $"c{i:00}", MissingExports = i % 25 })
            .Append(new CollectionCounts { Database = "db", Collection = "clean", Imported = 100, Exported = 100 })
            .ToList();
        var summary = new ReportSummary
        {
            RunId = "r", WindowStart = default, WindowEnd = default, Totals = new RunTotals(), Collections = collections,
        };
        var top = ResultsProjection.TopCollections(summary);
        Assert.Equal(20, top.Count);
        Assert.Equal(24, top[0].MissingExports);
        Assert.DoesNotContain(top, c => c.Collection == "clean");
        Assert.True(top.Zip(top.Skip(1)).All(p => p.First.MissingExports >= p.Second.MissingExports));
    }
}
