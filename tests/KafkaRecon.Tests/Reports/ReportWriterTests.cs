using System.Text;
using System.Text.Json.Nodes;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Sql;

namespace KafkaRecon.Tests.Reports;

public sealed class ReportWriterTests
{
    private static readonly DateTimeOffset ExecutionTime =
        DateTimeOffset.FromUnixTimeMilliseconds(1628686181242).AddTicks(6180);

    private static ReportQuery Query(string name, bool showColumns, int order) => new(
        QuerySet.Main, name, $"About {name}.", order, true, showColumns, $"queries/main/0{order}.sql",
        new JsonObject
        {
            ["enabled"] = true,
            ["query_name"] = name,
            ["query_type"] = "main",
            ["query_description"] = $"About {name}.",
            ["query_file"] = $"0{order}.sql",
            ["show_column_names"] = showColumns,
            ["order"] = order,
        });

    private static Report Sample(params QueryOutcome[] extra) => new("run-1", ExecutionTime,
    [
        QueryOutcome.Success(Query("Databases", false, 1), ["database"], [["db2"], ["db3"]]),
        QueryOutcome.Success(Query("Totals", true, 2), ["exported_count", "missing"], [["14", "null"]]),
        QueryOutcome.Success(Query("Nothing", true, 3), ["database", "collection"], []),
        .. extra,
    ]);

    [Fact]
    public void Json_report_matches_the_reference_layout_exactly()
    {
        var json = Encoding.UTF8.GetString(JsonReportWriter.Write(Sample()));

        Assert.Equal(
            """
            {
                "executed_by": "run-1",
                "execution_time": "1628686181.242618",
                "query_results": [
                    {
                        "query_details": {
                            "enabled": true,
                            "query_name": "Databases",
                            "query_type": "main",
                            "query_description": "About Databases.",
                            "query_file": "01.sql",
                            "show_column_names": false,
                            "order": 1
                        },
                        "query_results": [
                            {
                                "database": "db2"
                            },
                            {
                                "database": "db3"
                            }
                        ]
                    },
                    {
                        "query_details": {
                            "enabled": true,
                            "query_name": "Totals",
                            "query_type": "main",
                            "query_description": "About Totals.",
                            "query_file": "02.sql",
                            "show_column_names": true,
                            "order": 2
                        },
                        "query_results": [
                            {
                                "exported_count": "14",
                                "missing": "null"
                            }
                        ]
                    },
                    {
                        "query_details": {
                            "enabled": true,
                            "query_name": "Nothing",
                            "query_type": "main",
                            "query_description": "About Nothing.",
                            "query_file": "03.sql",
                            "show_column_names": true,
                            "order": 3
                        },
                        "query_results": []
                    }
                ]
            }

            """.ReplaceLineEndings("\n"), json);
    }

    [Fact]
    public void Text_report_matches_the_reference_layout_exactly()
    {
        var text = Encoding.UTF8.GetString(TextReportWriter.Write(Sample()));

        Assert.Equal(
            "QUERY RESULTS:\n\n" +
            "Name: Databases\nDescription: About Databases.\nResults:\n\t-- db2\n\t-- db3\n\n" +
            "Name: Totals\nDescription: About Totals.\nResults:\n\t-- exported_count: 14, missing: null\n\n" +
            "Name: Nothing\nDescription: About Nothing.\nResults:\n\n",
            text);
    }

    [Fact]
    public void Partial_report_lists_failed_queries_in_both_formats()
    {
        var report = Sample(QueryOutcome.Failure(Query("Broken", true, 4), "Binder Error:\nno such column"));

        var json = JsonNode.Parse(JsonReportWriter.Write(report))!;
        var text = Encoding.UTF8.GetString(TextReportWriter.Write(report));

        Assert.True((bool?)json["partial"]);
        Assert.Equal(3, json["query_results"]!.AsArray().Count);
        Assert.Equal("Broken", (string?)json["failed_queries"]![0]!["query_name"]);
        Assert.Equal("Binder Error: no such column", (string?)json["failed_queries"]![0]!["error"]);
        Assert.EndsWith("FAILED QUERIES:\n\n\t-- Broken: Binder Error: no such column\n", text);
    }

    [Fact]
    public void Rejected_lines_and_their_samples_are_in_both_formats()
    {
        var report = Sample() with
        {
            RejectedLines = [new("export", "bad_timestamp", 2), new("import", "empty_id", 1)],
            RejectedSamples =
            [
                new("export", "bad_timestamp", "export/a.txt", "1|abc|db|coll|s|c|id-1|t"),
                new("import", "empty_id", "import/b.txt", "|1709251200000|db|coll|s|c|x|t"),
            ],
        };

        var json = JsonNode.Parse(JsonReportWriter.Write(report))!;
        var text = Encoding.UTF8.GetString(TextReportWriter.Write(report));

        var rejected = json["rejected_lines"]!;
        Assert.Equal("3", (string?)rejected["total"]);
        Assert.Equal("2", (string?)rejected["counts"]![0]!["lines"]);
        Assert.Equal("export/a.txt", (string?)rejected["samples"]![0]!["file"]);
        Assert.Equal("|1709251200000|db|coll|s|c|x|t", (string?)rejected["samples"]![1]!["sample"]);
        Assert.EndsWith(
            "REJECTED LINES: 3\n\n\t-- export, bad_timestamp: 2\n\t-- import, empty_id: 1\nSamples:\n" +
            "\t-- export, bad_timestamp, export/a.txt: 1|abc|db|coll|s|c|id-1|t\n" +
            "\t-- import, empty_id, import/b.txt: |1709251200000|db|coll|s|c|x|t\n",
            text);
    }

    [Fact]
    public void Complete_report_has_no_partial_fields()
    {
        var json = JsonNode.Parse(JsonReportWriter.Write(Sample()))!.AsObject();

        Assert.Equal(["executed_by", "execution_time", "query_results"], json.Select(property => property.Key));
    }

    [Fact]
    public void Json_keeps_non_ascii_and_escapes_quotes()
    {
        var report = new Report("run-1", ExecutionTime,
            [QueryOutcome.Success(Query("Ids", true, 1), ["id"], [["café \"x\"|y"]])]);

        var json = Encoding.UTF8.GetString(JsonReportWriter.Write(report));

        Assert.Contains("\"id\": \"café \\\"x\\\"|y\"", json);
    }

    [Theory]
    [InlineData(null, "null")]
    [InlineData(12L, "12")]
    [InlineData(-3, "-3")]
    [InlineData("text", "text")]
    [InlineData(true, "true")]
    public void Values_are_formatted_as_report_strings(object? value, string expected) =>
        Assert.Equal(expected, ReportValueFormatter.Format(value));

    [Fact]
    public void Huge_integers_from_sums_are_formatted_plainly() =>
        Assert.Equal("12345678901234567890", ReportValueFormatter.Format(System.Numerics.BigInteger.Parse("12345678901234567890")));
}
