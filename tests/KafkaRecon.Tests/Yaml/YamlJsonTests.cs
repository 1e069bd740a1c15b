using System.Diagnostics;
using System.Text.Json.Nodes;
using KafkaRecon.Operator.Yaml;
using KafkaRecon.Tests.Scheduling;

namespace KafkaRecon.Tests.Yaml;

/// <summary>The one YAML reader of resources (run -f and create's templates): its scalar rules, its errors, its limits.</summary>
public sealed class YamlJsonTests
{
    /// <summary>The classic "billion laughs": about 500 bytes, 72 aliases, 9^9 strings once expanded.</summary>
    public static string AliasBomb()
    {
        var lines = new List<string> { "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]" };
        var names = "abcdefghi";
        for (var i = 1; i < names.Length; i++)
        {
            var previous = names[i - 1];
            lines.Add($"{names[i]}: &{names[i]} [{string.Join(",", Enumerable.Repeat($"*{previous}", 9))}]");
        }
        return string.Join("\n", lines);
    }

    [Fact]
    public void Yaml_output_reads_back_to_the_same_json()
    {
        var resource = (JsonObject)YamlJson.Read(ResourceTemplateTests.Template)!;
        var yaml = YamlJson.Write(resource);
        Assert.True(JsonNode.DeepEquals(resource, YamlJson.Read(yaml)), yaml);
    }

    [Theory]
    [InlineData("\"123\"")]
    [InlineData("\"true\"")]
    [InlineData("\"null\"")]
    [InlineData("\"\"")]
    [InlineData("\"a: b\"")]
    [InlineData("\"- x\"")]
    [InlineData("\" padded \"")]
    [InlineData("\"1e3\"")]
    [InlineData("12")]
    [InlineData("true")]
    public void Yaml_output_keeps_strings_that_look_like_other_scalars_as_strings(string json)
    {
        var node = new JsonObject { ["value"] = JsonNode.Parse(json) };
        var back = YamlJson.Read(YamlJson.Write(node));
        Assert.True(JsonNode.DeepEquals(node, back), YamlJson.Write(node));
    }

    [Theory]
    [InlineData("12", "12")]
    [InlineData("-5", "-5")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e3", "1000")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("~", "null")]
    [InlineData("\"12\"", "\"12\"")]
    [InlineData("12:30", "\"12:30\"")]
    [InlineData("0x1F", "\"0x1F\"")]
    [InlineData("1_000", "\"1_000\"")]
    [InlineData("Infinity", "\"Infinity\"")]
    [InlineData("yes", "\"yes\"")]
    public void Scalars_follow_the_yaml_1_2_core_schema(string yaml, string json)
    {
        var value = YamlJson.Read($"value: {yaml}")!["value"];
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), value), value?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Duplicate_key_is_an_error_naming_its_line()
    {
        var error = Assert.Throws<FormatException>(() => YamlJson.Read("spec:\n  a: 1\n  a: 2\n"));
        Assert.Contains("Duplicate key", error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Empty_text_is_no_document() => Assert.Null(YamlJson.Read(""));

    [Fact]
    public void Two_documents_are_an_error() =>
        Assert.Contains("2 YAML documents", Assert.Throws<FormatException>(() => YamlJson.Read("a: 1\n---\nb: 2\n")).Message);

    [Fact]
    public void Alias_bomb_fails_in_well_under_a_second()
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<FormatException>(() => YamlJson.Read(AliasBomb()));
        Assert.Contains("aliases", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Few_aliases_that_expand_beyond_the_node_budget_are_an_error()
    {
        // 7 levels of 6 aliases each: 42 aliases, 6^7 = 279,936 leaves.
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x]" };
        for (var i = 1; i <= 7; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 6))}]");
        }
        var error = Assert.Throws<FormatException>(() => YamlJson.Read(string.Join("\n", lines)));
        Assert.Contains("expands to more than", error.Message);
    }

    [Fact]
    public void Anchors_used_a_few_times_are_fine()
    {
        var node = YamlJson.Read("base: &b {x: 1}\ncopy: *b\n")!;
        Assert.Equal(1, node["copy"]!["x"]!.GetValue<long>());
    }

    [Fact]
    public void Document_over_the_size_limit_is_an_error() =>
        Assert.Contains("MiB", Assert.Throws<FormatException>(
            () => YamlJson.Read("a: " + new string('x', YamlJson.MaxDocumentBytes))).Message);
}
