using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Entities.Crd;

namespace KafkaRecon.Tests.Crd;

public sealed class CrdGeneratorTests
{
    private static readonly V1CustomResourceDefinition Crd = CrdGenerator.Generate<KafkaReconciliation>();
    private static V1CustomResourceDefinitionVersion Version => Crd.Spec.Versions.Single();
    private static V1JSONSchemaProps Root => Version.Schema.OpenAPIV3Schema;
    private static V1JSONSchemaProps Spec => Root.Properties["spec"];
    private static V1JSONSchemaProps Status => Root.Properties["status"];

    [Fact]
    public void Crd_is_a_namespaced_v1alpha1_kind_with_a_status_subresource()
    {
        Assert.Equal("kafkareconciliations.kafkarecon.io", Crd.Metadata.Name);
        Assert.Equal("Namespaced", Crd.Spec.Scope);
        Assert.Equal(("v1alpha1", true, true), (Version.Name, Version.Served, Version.Storage));
        Assert.NotNull(Version.Subresources.Status);
        Assert.Null(Version.Subresources.Scale);
        Assert.Equal(["spec"], Root.Required);
    }

    [Fact]
    public void Kubectl_finds_it_by_short_names_and_its_own_category_but_not_all()
    {
        var names = Crd.Spec.Names;
        Assert.Equal(("KafkaReconciliation", "KafkaReconciliationList", "kafkareconciliations", "kafkareconciliation"),
            (names.Kind, names.ListKind, names.Plural, names.Singular));
        Assert.Equal(["krecon", "kr"], names.ShortNames);
        Assert.Equal(["kafkarecon"], names.Categories);
    }

    [Fact]
    public void Printer_columns_are_phase_window_missing_and_age_in_that_order()
    {
        var columns = Version.AdditionalPrinterColumns.Select(c => (c.Name, c.Type, c.JsonPath)).ToList();
        Assert.Equal(
            [
                ("Phase", "string", ".status.phase"),
                ("Window", "string", ".status.window.start"),
                ("Missing", "integer", ".status.results.missingExports"),
                ("Age", "date", ".metadata.creationTimestamp"),
            ],
            columns);
    }

    [Fact]
    public void Printer_column_paths_point_at_fields_of_the_schema()
    {
        foreach (var column in Version.AdditionalPrinterColumns.Where(c => !c.JsonPath.StartsWith(".metadata", StringComparison.Ordinal)))
        {
            var node = column.JsonPath.Trim('.').Split('.').Aggregate(Root, (schema, field) => schema.Properties[field]);
            Assert.Equal(column.Type, node.Format == "date-time" ? "string" : node.Type);
        }
    }

    [Fact]
    public void Conditions_are_a_map_list_keyed_by_type_with_metav1_condition_validation()
    {
        var conditions = Status.Properties["conditions"];
        Assert.Equal("array", conditions.Type);
        Assert.Equal("map", conditions.XKubernetesListType);
        Assert.Equal(["type"], conditions.XKubernetesListMapKeys);
        var item = (V1JSONSchemaProps)conditions.Items;
        Assert.Equal(["lastTransitionTime", "message", "reason", "status", "type"], item.Required);
        Assert.Equal(["True", "False", "Unknown"], item.Properties["status"].EnumProperty.Cast<string>());
        Assert.Equal(ConditionSchema.ReasonPattern, item.Properties["reason"].Pattern);
        Assert.Equal((1L, 1024L), (item.Properties["reason"].MinLength, item.Properties["reason"].MaxLength));
        Assert.Equal(316, item.Properties["type"].MaxLength);
        Assert.Equal(32768, item.Properties["message"].MaxLength);
        Assert.Equal("date-time", item.Properties["lastTransitionTime"].Format);
        Assert.Equal("int64", item.Properties["observedGeneration"].Format);
    }

    [Fact]
    public void Window_carries_a_cel_rule_that_end_is_after_start_when_both_are_set()
    {
        var window = Spec.Properties["window"];
        var rule = Assert.Single(window.XKubernetesValidations);
        Assert.Equal("!has(self.start) || !has(self.end) || self.end > self.start", rule.Rule);
        Assert.Equal("window.end must be after window.start", rule.Message);
        Assert.Equal(".end", rule.FieldPath);
        Assert.Equal("date-time", window.Properties["start"].Format);
        Assert.Equal("date-time", window.Properties["end"].Format);
    }

    [Fact]
    public void Enums_list_their_json_names()
    {
        Assert.Equal(["aws", "embedded"], Spec.Properties["engine"].EnumProperty.Cast<string>());
        Assert.Equal("aws", Spec.Properties["engine"].DefaultProperty);
        var sets = (V1JSONSchemaProps)Spec.Properties["query"].Properties["sets"].Items;
        Assert.Equal(["main", "additional", "specific"], sets.EnumProperty.Cast<string>());
        Assert.Equal(Enum.GetNames<ReconciliationPhase>(), Status.Properties["phase"].EnumProperty.Cast<string>());
    }

    [Fact]
    public void Data_annotations_become_schema_constraints()
    {
        Assert.Equal(["manifests", "output"], Spec.Required);
        Assert.Equal(["exportLocation", "importLocation"], Spec.Properties["manifests"].Required);
        Assert.Equal(1, Spec.Properties["manifests"].Properties["importLocation"].MinLength);
        var margin = Spec.Properties["window"].Properties["marginMinutes"];
        Assert.Equal((0d, 1440d, "int32"), (margin.Minimum, margin.Maximum, margin.Format));
        Assert.Equal("^[a-z_][a-z0-9_]{0,254}$", Spec.Properties["query"].Properties["database"].Pattern);
        var queryTimeout = Spec.Properties["timeouts"].Properties["query"];
        Assert.Equal((TimeoutsSpec.DurationPattern, "1h"), (queryTimeout.Pattern, queryTimeout.DefaultProperty));
        var maxBytes = Spec.Properties["coalesce"].Properties["maxBytes"];
        Assert.Equal((1024d, 5_000_000_000d, "int64"), (maxBytes.Minimum, maxBytes.Maximum, maxBytes.Format));
    }

    [Fact]
    public void A_bound_at_the_types_own_limit_is_left_out()
    {
        var maxMissing = Spec.Properties["verification"].Properties["maxMissingExports"];
        Assert.Equal(0d, maxMissing.Minimum);
        Assert.Null(maxMissing.Maximum);
    }

    [Fact]
    public void Lists_of_distinct_values_are_sets()
    {
        Assert.Equal("set", Spec.Properties["query"].Properties["sets"].XKubernetesListType);
        Assert.Equal("set", Spec.Properties["coalesce"].Properties["partitions"].XKubernetesListType);
        Assert.Null(Status.Properties["topCollections"].XKubernetesListType);
    }

    [Fact]
    public void Maps_are_objects_with_typed_additional_properties()
    {
        var arguments = Spec.Properties["transform"].Properties["arguments"];
        Assert.Equal("object", arguments.Type);
        Assert.Null(arguments.Properties);
        Assert.Equal("string", ((V1JSONSchemaProps)arguments.AdditionalProperties).Type);
    }

    [Fact]
    public void Optional_objects_with_defaulted_children_default_to_empty_so_the_server_fills_them()
    {
        Assert.Equal(new Dictionary<string, object>(), Spec.Properties["window"].DefaultProperty);
        Assert.Equal(new Dictionary<string, object>(), Spec.Properties["coalesce"].DefaultProperty);
        Assert.Null(Spec.Properties["manifests"].DefaultProperty);
        Assert.Null(Spec.Properties["notifications"].Properties["slack"].DefaultProperty);
        Assert.Null(Status.Properties["phases"].DefaultProperty);
    }

    [Fact]
    public void Schema_is_structural_and_never_uses_escape_hatches()
    {
        foreach (var (path, node) in Walk("", Root))
        {
            Assert.False(string.IsNullOrEmpty(node.Type), $"{path} has no type");
            Assert.NotEqual(false, node.Nullable);
            Assert.Null(node.XKubernetesPreserveUnknownFields);
            Assert.Null(node.XKubernetesIntOrString);
            Assert.True(node.AllOf is null && node.AnyOf is null && node.OneOf is null && node.Not is null, $"{path} uses a combinator");
            if (node.Type == "array")
            {
                Assert.IsType<V1JSONSchemaProps>(node.Items);
            }
        }
    }

    [Fact]
    public void Every_spec_field_has_a_description_for_kubectl_explain()
    {
        var undocumented = Walk("spec", Spec).Where(entry => string.IsNullOrWhiteSpace(entry.Node.Description)
                && !entry.Path.EndsWith("[]", StringComparison.Ordinal) && !entry.Path.EndsWith("{}", StringComparison.Ordinal))
            .Select(entry => entry.Path)
            .ToList();
        Assert.True(undocumented.Count == 0, "Fields without [Description]: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        Assert.Equal(CrdYaml.ForKafkaReconciliation(), CrdYaml.ForKafkaReconciliation());
    }

    private static IEnumerable<(string Path, V1JSONSchemaProps Node)> Walk(string path, V1JSONSchemaProps node)
    {
        yield return (path, node);
        foreach (var (name, child) in node.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            foreach (var entry in Walk($"{path}.{name}", child)) { yield return entry; }
        }
        if (node.Items is V1JSONSchemaProps items)
        {
            foreach (var entry in Walk($"{path}[]", items)) { yield return entry; }
        }
        if (node.AdditionalProperties is V1JSONSchemaProps values)
        {
            foreach (var entry in Walk($"{path}{{}}", values)) { yield return entry; }
        }
    }
}
