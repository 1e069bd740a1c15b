using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;

namespace KafkaRecon.Tests.Entities.Validation;

public sealed class StartAndRecheckValidationTests
{
    public static TheoryData<string, Action<KafkaReconciliationSpec>, string, string> BrokenSpecs() => new()
    {
        { "negative notBefore", s => s.Start.NotBefore = "-30m", "spec.start.notBefore", "'-30m' is not a duration of zero or more" },
        { "notBefore not a duration", s => s.Start.NotBefore = "soon", "spec.start.notBefore", "'soon' is not a duration" },
        { "negative quietPeriod", s => s.Start.QuietPeriod = "-1h", "spec.start.quietPeriod", "'-1h' is not a positive duration" },
        { "zero quietPeriod", s => s.Start.QuietPeriod = "0s", "spec.start.quietPeriod", "is not a positive duration" },
        { "negative maxWait", s => s.Start.MaxWait = "-2h", "spec.start.maxWait", "'-2h' is not a positive duration" },
        {
            "maxWait shorter than quietPeriod", s => { s.Start.QuietPeriod = "2h"; s.Start.MaxWait = "90m"; },
            "spec.start.maxWait", "'90m' is shorter than spec.start.quietPeriod '2h'"
        },
        { "relative marker", s => s.Start.Markers.Add("export/_SUCCESS"), "spec.start.markers[0]", "is not an absolute file path or s3://bucket/key" },
        { "bucket-only marker", s => s.Start.Markers.Add("s3://bucket"), "spec.start.markers[0]", "naming one object" },
        { "empty-bucket marker", s => s.Start.Markers.Add("s3:///export/_SUCCESS"), "spec.start.markers[0]", "naming one object" },
        { "empty marker", s => s.Start.Markers.Add(" "), "spec.start.markers[0]", "is empty" },
        {
            "duplicate marker", s => { s.Start.Markers.Add("/data/export/_SUCCESS"); s.Start.Markers.Add("/data/export/_SUCCESS"); },
            "spec.start.markers[1]", "is listed twice"
        },
        { "negative recheck delay", s => s.Recheck.After.Add("-6h"), "spec.recheck.after[0]", "'-6h' is not a positive duration" },
        { "zero recheck delay", s => s.Recheck.After.Add("0h"), "spec.recheck.after[0]", "is not a positive duration" },
        {
            "unsorted recheck delays", s => { s.Recheck.After.Add("24h"); s.Recheck.After.Add("6h"); },
            "spec.recheck.after[1]", "'6h' is shorter than the delay before it ('24h'); list the delays in increasing order"
        },
        {
            "duplicate recheck delays", s => { s.Recheck.After.Add("6h"); s.Recheck.After.Add("360m"); },
            "spec.recheck.after[1]", "'360m' repeats the delay before it"
        },
        { "recheck after more than a month", s => s.Recheck.After.Add("745h"), "spec.recheck.after[0]", "is longer than 744h" },
    };

    [Theory]
    [MemberData(nameof(BrokenSpecs))]
    public void Bad_value_is_reported_once_naming_the_field(
        string rule, Action<KafkaReconciliationSpec> breakIt, string field, string expected)
    {
        var spec = Valid();
        breakIt(spec);

        var errors = SpecValidator.Validate(spec);

        var error = Assert.Single(errors, e => e.Field.StartsWith("spec.start", StringComparison.Ordinal) ||
                                               e.Field.StartsWith("spec.recheck", StringComparison.Ordinal));
        Assert.True(error.Field == field && error.Message.Contains(expected, StringComparison.Ordinal),
            $"{rule}: expected '{expected}' on {field}, got [{string.Join("; ", errors)}]");
    }

    [Fact]
    public void Sensible_start_and_recheck_settings_are_valid()
    {
        var spec = Valid();
        spec.Start = new StartSpec
        {
            NotBefore = "0s", QuietPeriod = "15m", MaxWait = "3h",
            Markers = ["/data/export/_SUCCESS", "s3://exports/htme/2024-03-01/_SUCCESS"],
        };
        spec.Recheck.After = ["6h", "24h", "72h"];

        Assert.Empty(SpecValidator.Validate(spec));
    }

    [Fact]
    public void Too_many_markers_are_rejected_by_the_declared_bound()
    {
        var spec = Valid();
        spec.Start.Markers = Enumerable.Range(0, 21).Select(i => $"/data/export/{i}/_SUCCESS").ToList();

        Assert.Contains(SpecValidator.Validate(spec), e => e.Field == "spec.start.markers");
    }

    private static KafkaReconciliationSpec Valid() => new()
    {
        Engine = EngineKind.Embedded,
        Manifests = new ManifestsSpec { ImportLocation = "/data/import", ExportLocation = "/data/export" },
        Output = new OutputSpec { Location = "/data/output" },
    };
}
