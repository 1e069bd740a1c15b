using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Verification;

namespace KafkaRecon.Tests.Verification;

public sealed class ResultsProjectionTests
{
    [Fact]
    public void Every_total_of_the_summary_reaches_status_results_with_where_the_report_is()
    {
        var totals = new RunTotals();
        var totalProperties = typeof(RunTotals).GetProperties().Where(property => property.PropertyType == typeof(long)).ToList();
        foreach (var (property, index) in totalProperties.Select((property, index) => (property, index)))
        {
            property.SetValue(totals, 100L + index);
        }
        var summary = new ReportSummary
        {
            RunId = "run-1", WindowStart = DateTimeOffset.UnixEpoch, WindowEnd = DateTimeOffset.UnixEpoch.AddDays(1),
            Totals = totals, Partial = true, ReportLocation = "/out/results/run-1.json",
        };

        var results = ResultsProjection.Results(summary);

        Assert.All(totalProperties, property => Assert.Equal(property.GetValue(totals), property.GetValue(results)));
        Assert.Equal(("/out/results/run-1.json", true), (results.ReportLocation, results.PartialReport));
    }
}
