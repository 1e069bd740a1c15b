using KafkaRecon.Operator.Generation;

namespace KafkaRecon.Tests.Generation;

public sealed class RecordPlannerTests
{
    private static readonly DateOnly Day = new(2024, 3, 1);

    public static TheoryData<string, int, string> Outcomes => new()
    {
        { nameof(RecordFate.Matched), 0, nameof(RecordOutcome.Matched) },
        { nameof(RecordFate.MissingExport), 0, nameof(RecordOutcome.MissingExport) },
        { nameof(RecordFate.MissingImport), 0, nameof(RecordOutcome.MissingImport) },
        { nameof(RecordFate.EarlierInImport), 0, nameof(RecordOutcome.EarlierInImport) },
        { nameof(RecordFate.EarlierInExport), 0, nameof(RecordOutcome.EarlierInExport) },
        { nameof(RecordFate.DuplicateOnImport), 0, nameof(RecordOutcome.Matched) },
        { nameof(RecordFate.DuplicateOnExport), 0, nameof(RecordOutcome.Matched) },
        { nameof(RecordFate.DuplicateOnBoth), 0, nameof(RecordOutcome.Matched) },
        { nameof(RecordFate.RedeliveredImport), 0, nameof(RecordOutcome.Matched) },
        { nameof(RecordFate.LatestAfterWindow), 0, nameof(RecordOutcome.Matched) },
        { nameof(RecordFate.LatestAfterWindow), 30, nameof(RecordOutcome.Matched) },
        { nameof(RecordFate.AtStart), 0, nameof(RecordOutcome.Matched) },
        { nameof(RecordFate.BeforeStart), 30, nameof(RecordOutcome.Absent) },
        { nameof(RecordFate.AtEnd), 0, nameof(RecordOutcome.Absent) },
        { nameof(RecordFate.AtEnd), 30, nameof(RecordOutcome.Matched) },
        { nameof(RecordFate.InsideMargin), 0, nameof(RecordOutcome.Absent) },
        { nameof(RecordFate.InsideMargin), 30, nameof(RecordOutcome.Matched) },
        { nameof(RecordFate.AfterMargin), 30, nameof(RecordOutcome.Absent) },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Each_fate_is_seen_by_the_comparison_as_the_semantics_say(string fate, int marginMinutes, string expected)
    {
        var window = SampleWindow.ForDay(Day, marginMinutes);
        var planner = new RecordPlanner(3, window, new FateTable(5));

        var record = FirstWith(planner, Enum.Parse<RecordFate>(fate));

        Assert.Equal(Enum.Parse<RecordOutcome>(expected), TruthClassifier.Classify(record, window));
    }

    [Fact]
    public void A_collection_missing_from_the_export_has_no_export_rows()
    {
        var planner = new RecordPlanner(3, SampleWindow.ForDay(Day, 0), new FateTable(5));
        for (var number = 0; number < 2_000; number++)
        {
            Assert.Equal(0, planner.Plan(number, ExportGap.WholeCollection).ExportRows);
        }
    }

    [Fact]
    public void Missing_percent_sets_the_share_of_missing_records()
    {
        var none = new FateTable(0);
        var ten = new FateTable(10);
        var draws = Enumerable.Range(0, 1_000_000).Where(d => d % 7 == 0).ToList();

        Assert.DoesNotContain(draws, d => none.FateOf(d) is RecordFate.MissingExport or RecordFate.MissingImport);
        var missing = draws.Count(d => ten.FateOf(d) is RecordFate.MissingExport or RecordFate.MissingImport);
        Assert.InRange(missing / (double)draws.Count, 0.099, 0.101);
    }

    [Fact]
    public void Same_seed_and_number_plan_the_same_record()
    {
        var window = SampleWindow.ForDay(Day, 0);
        var first = new RecordPlanner(8, window, new FateTable(1));
        var again = new RecordPlanner(8, window, new FateTable(1));
        for (var number = 0; number < 1_000; number++)
        {
            Assert.Equal(first.Plan(number, ExportGap.None), again.Plan(number, ExportGap.None));
        }
    }

    private static SampleRecord FirstWith(RecordPlanner planner, RecordFate fate)
    {
        for (var number = 0; number < 10_000_000; number++)
        {
            var record = planner.Plan(number, ExportGap.None);
            if (record.Fate == fate)
            {
                return record;
            }
        }
        throw new InvalidOperationException($"no record with fate {fate} among the first 10,000,000");
    }
}
