namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>Every one of the 20 report queries against the hand-computed rows of <see cref="ReportFixture"/>.</summary>
public sealed class ReportQueryTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static readonly long S = ReportFixture.S;

    [Fact]
    public void Main_missing_exported_databases() =>
        Assert.Equal(["database=db2"], fixture.Rows("Missing exported databases"));

    [Fact]
    public void Main_missing_exported_collections_excludes_wholly_missing_databases() =>
        Assert.Equal(["database=db1, collection=gamma"], fixture.Rows("Missing exported collections"));

    [Fact]
    public void Main_export_totals() =>
        Assert.Equal(
            ["exported_collections_count=5, exported_count=14, exported_count_from_data_load=2, exported_count_from_streaming_feed=12"],
            fixture.Rows("Export totals"));

    [Fact]
    public void Main_import_totals() =>
        Assert.Equal(["imported_collections_count=5, imported_count=16"], fixture.Rows("Import totals"));

    [Fact]
    public void Main_missing_exported_totals_skip_wholly_missing_collections() =>
        Assert.Equal(["missing_exported_count=3"], fixture.Rows("Missing exported totals"));

    [Fact]
    public void Main_missing_imported_totals_skip_wholly_missing_collections() =>
        Assert.Equal(["missing_imported_count=1"], fixture.Rows("Missing imported totals"));

    [Fact]
    public void Main_missing_exported_id_counts_round_percentages_half_up_most_missing_first() =>
        Assert.Equal(
        [
            "database=db1, collection=alpha, imported_count=4, missing_exported_count=2, percentage_missing=50",
            "database=db1, collection=omega, imported_count=8, missing_exported_count=1, percentage_missing=13",
        ], fixture.Rows("Missing exported id counts"));

    [Fact]
    public void Main_mismatched_timestamps_count_earlier_in_the_export() =>
        Assert.Equal(
            ["database=db1, collection=alpha, exported_count=3, mismatched_timestamps_earlier_in_export_count=1, percentage_mismatched=33"],
            fixture.Rows("Mismatched timestamps count earlier in the export"));

    [Fact]
    public void Additional_missing_imported_databases() =>
        Assert.Equal(["database=db3"], fixture.Rows("Missing imported databases"));

    [Fact]
    public void Additional_missing_imported_collections_excludes_wholly_missing_databases() =>
        Assert.Equal(["database=db1, collection=zeta"], fixture.Rows("Missing imported collections"));

    [Fact]
    public void Additional_missing_imported_id_counts() =>
        Assert.Equal(
            ["database=db1, collection=alpha, exported_count=3, missing_imported_count=1, percentage_missing=33"],
            fixture.Rows("Missing imported id counts"));

    [Fact]
    public void Additional_missing_imported_ids() =>
        Assert.Equal(
            [$"database=db1, collection=alpha, id=a5, export_timestamp={S + 7}, export_component=STREAMING, export_type=MONGO_INSERT"],
            fixture.Rows("Missing imported ids"));

    [Fact]
    public void Additional_mismatched_timestamps_count_earlier_in_the_import() =>
        Assert.Equal(
            ["database=db1, collection=beta, imported_count=1, mismatched_timestamps_earlier_in_import_count=1, percentage_mismatched=100"],
            fixture.Rows("Mismatched timestamps count earlier in the import"));

    [Fact]
    public void Additional_timestamps_earlier_in_export() =>
        Assert.Equal(
            [$"database=db1, collection=alpha, id=a2, export_component=STREAMING, export_type=MONGO_UPDATE, earliest_timestamp={S + 5}, latest_timestamp={S + 20}, earliest_manifest=export"],
            fixture.Rows("Timestamps earlier in export"));

    [Fact]
    public void Additional_timestamps_earlier_in_import() =>
        Assert.Equal(
            [$"database=db1, collection=beta, id=b1, export_component=k2hb, export_type=MONGO_UPDATE, earliest_timestamp={S + 1}, latest_timestamp={S + 2}, earliest_manifest=import"],
            fixture.Rows("Timestamps earlier in import"));

    [Fact]
    public void Additional_missing_exported_ids() =>
        Assert.Equal(
        [
            $"database=db1, collection=alpha, id=a3, import_timestamp={S + 3}, import_component=K2HB, import_type=KAFKA_RECORD",
            $"database=db1, collection=alpha, id=a4, import_timestamp={S + 4}, import_component=K2HB, import_type=KAFKA_RECORD",
            $"database=db1, collection=omega, id=o8, import_timestamp={S + 1}, import_component=K2HB, import_type=KAFKA_RECORD",
        ], fixture.Rows("Missing exported ids"));

    [Fact]
    public void Additional_import_totals_by_collection() =>
        Assert.Equal(
        [
            $"database=db1, collection=alpha, imported_count=4, latest_import_timestamp={S + 20}, earliest_import_timestamp={S + 1}",
            $"database=db1, collection=beta, imported_count=1, latest_import_timestamp={S + 1}, earliest_import_timestamp={S + 1}",
            $"database=db1, collection=gamma, imported_count=2, latest_import_timestamp={S + 2}, earliest_import_timestamp={S + 1}",
            $"database=db1, collection=omega, imported_count=8, latest_import_timestamp={S + 1}, earliest_import_timestamp={S + 1}",
            $"database=db2, collection=delta, imported_count=1, latest_import_timestamp={S + 1}, earliest_import_timestamp={S + 1}",
        ], fixture.Rows("Import totals by collection"));

    [Fact]
    public void Additional_export_totals_by_collection() =>
        Assert.Equal(
        [
            $"database=db1, collection=alpha, exported_count=3, exported_count_from_data_load=1, exported_count_from_streaming_feed=2, latest_export_timestamp={S + 7}, earliest_export_timestamp={S + 1}",
            $"database=db1, collection=beta, exported_count=1, exported_count_from_data_load=1, exported_count_from_streaming_feed=0, latest_export_timestamp={S + 2}, earliest_export_timestamp={S + 2}",
            $"database=db1, collection=omega, exported_count=7, exported_count_from_data_load=0, exported_count_from_streaming_feed=7, latest_export_timestamp={S + 1}, earliest_export_timestamp={S + 1}",
            $"database=db1, collection=zeta, exported_count=1, exported_count_from_data_load=0, exported_count_from_streaming_feed=1, latest_export_timestamp={S + 3}, earliest_export_timestamp={S + 3}",
            $"database=db3, collection=eps, exported_count=2, exported_count_from_data_load=0, exported_count_from_streaming_feed=2, latest_export_timestamp={S + 2}, earliest_export_timestamp={S + 1}",
        ], fixture.Rows("Export totals by collection"));

    [Fact]
    public void Specific_missing_exported_ids_after_the_window_start() =>
        Assert.Equal(
        [
            $"id=a3, database=db1, collection=alpha, import_timestamp={S + 3}, import_component=K2HB, import_type=KAFKA_RECORD",
            $"id=a4, database=db1, collection=alpha, import_timestamp={S + 4}, import_component=K2HB, import_type=KAFKA_RECORD",
            $"id=o8, database=db1, collection=omega, import_timestamp={S + 1}, import_component=K2HB, import_type=KAFKA_RECORD",
        ], fixture.Rows("Output missing exported ids after given timestamp"));

    [Fact]
    public void Specific_individual_types_totals() =>
        Assert.Equal(
        [
            "label=Total missing exports, id_count=3",
            "label=Total missing exports of type delete, id_count=0",
            "label=Total missing exports of type import, id_count=0",
            "label=Total missing exports of type insert, id_count=0",
            "label=Total missing exports of type other, id_count=3",
            "label=Total missing exports of type update, id_count=0",
            "label=Total missing imports, id_count=1",
            "label=Total missing imports of type delete, id_count=0",
            "label=Total missing imports of type import, id_count=0",
            "label=Total missing imports of type insert, id_count=1",
            "label=Total missing imports of type other, id_count=0",
            "label=Total missing imports of type update, id_count=0",
        ], fixture.Rows("Individual types totals"));

    [Fact]
    public void All_twenty_queries_appear_in_set_then_order_sequence()
    {
        var entries = fixture.Json["query_results"]!.AsArray()
            .Select(entry => $"{entry!["query_details"]!["query_type"]}:{entry["query_details"]!["order"]}")
            .ToList();

        Assert.Equal(
            Enumerable.Range(1, 8).Select(i => $"main:{i}")
                .Concat(Enumerable.Range(1, 10).Select(i => $"additional:{i}"))
                .Concat(Enumerable.Range(1, 2).Select(i => $"specific:{i}")),
            entries);
    }
}
