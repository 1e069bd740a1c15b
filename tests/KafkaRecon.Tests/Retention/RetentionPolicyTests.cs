using KafkaRecon.Entities;
using KafkaRecon.Operator.Inputs;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Retention;

namespace KafkaRecon.Tests.Retention;

public sealed class RetentionPolicyTests
{
    private static readonly ResolvedWindow Window = new()
    {
        Start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
        End = new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero),
    };

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Every_run_id_the_window_resolver_makes_belongs_to_its_resource(int attempt) =>
        Assert.True(RetentionPolicy.BelongsTo("nightly", WindowResolver.RunId("nightly", Window, attempt)));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_run_id_carrying_its_input_fingerprint_belongs_to_its_resource(int attempt) =>
        Assert.True(RetentionPolicy.BelongsTo(
            "nightly", RunFingerprint.RunId(WindowResolver.RunId("nightly", Window, attempt), "0123456789")));

    [Theory]
    [InlineData("nightly-eu-20240301")]
    [InlineData("nightly-20240301-20240301")]
    [InlineData("nightly-2024030")]
    [InlineData("nightly-20240301-x")]
    [InlineData("nightly-20240301-f012345678")]
    [InlineData("nightly-20240301-fABCDEF0123")]
    [InlineData("nightly-20240301/../../etc")]
    [InlineData("..")]
    public void Another_resources_run_or_a_crafted_name_is_not_this_resources(string runId) =>
        Assert.False(RetentionPolicy.BelongsTo("nightly", runId));

    [Theory]
    [InlineData("/out/runs/r1/tables/counts/part-0.parquet", true)]
    [InlineData("/out/runs/r1/../r2/x", false)]
    [InlineData("/out/runs/r1/./x", false)]
    [InlineData("/out/runs/r10/x", false)]
    [InlineData("/out/runs/r1", false)]
    [InlineData("/out/results/r1_results.json", false)]
    [InlineData("s3://b/out/runs/r1/tables/_SUCCESS", false)]
    public void Only_locations_strictly_inside_the_run_folder_are_in_scope(string location, bool inside) =>
        Assert.Equal(inside, RetentionScope.IsInside("/out/runs/r1", location));

    [Fact]
    public void S3_keys_below_the_run_prefix_are_in_scope() =>
        Assert.True(RetentionScope.IsInside("s3://b/out/runs/r1", "s3://b/out/runs/r1/tables/_SUCCESS"));
}
