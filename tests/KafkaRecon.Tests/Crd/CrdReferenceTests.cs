using System.CommandLine;
using KafkaRecon.Entities.Crd;
using KafkaRecon.Operator.Cli;

namespace KafkaRecon.Tests.Crd;

public sealed class CrdReferenceTests
{
    private static readonly string[] Lines = CrdReference.ForKafkaReconciliation().Split('\n');

    private static string Row(string field) =>
        Lines.SingleOrDefault(line => line.StartsWith($"| `{field}` |", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No reference row for {field}");

    [Fact]
    public void Every_schema_field_has_a_row()
    {
        foreach (var field in new[] { "spec.window.start", "spec.query.sets", "status.conditions[].reason", "status.phases.coalesce.externalIds", "status.topCollections[].missingExports" })
        {
            Assert.NotNull(Row(field));
        }
    }

    [Fact]
    public void Rows_show_type_default_validation_and_description()
    {
        Assert.Equal("| `spec.window.marginMinutes` | integer | `0` | 0–1,440 | Minutes added to the end bound for records stamped just after the window. |",
            Row("spec.window.marginMinutes"));
        Assert.Contains("one of `aws`, `embedded`", Row("spec.engine"), StringComparison.Ordinal);
        Assert.Contains("required; not empty", Row("spec.manifests.importLocation"), StringComparison.Ordinal);
        Assert.Contains("window.end must be after window.start", Row("spec.window"), StringComparison.Ordinal);
        Assert.Contains("timestamp (RFC 3339)", Row("spec.window.end"), StringComparison.Ordinal);
        Assert.Contains("map of string", Row("spec.transform.arguments"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipes_in_patterns_do_not_break_the_table()
    {
        var row = Row("spec.timeouts.query");
        Assert.Contains("(ms\\|s\\|m\\|h)", row, StringComparison.Ordinal);
        Assert.Equal(6, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|'));
    }

    [Fact]
    public async Task Crd_command_prints_the_reference_on_request()
    {
        var output = new StringWriter();
        var exit = await CliApplication.BuildRoot().Parse(["crd", "--reference"]).InvokeAsync(new InvocationConfiguration { Output = output });
        Assert.Equal(0, exit);
        Assert.Equal(CrdReference.ForKafkaReconciliation(), output.ToString());
    }
}
