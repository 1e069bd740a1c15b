using System.ComponentModel;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using KafkaRecon.Entities.Crd;

namespace KafkaRecon.Entities;

/// <summary>One reconciliation of a time window: proves every record imported into HBase was also exported.</summary>
[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = EntityKind, PluralName = Plural)]
[Description("One reconciliation of a time window: proves every record imported into HBase was also exported.")]
[ResourceNames(ShortNames = ["krecon", "kr"], Categories = ["kafkarecon"])]
[PrinterColumn(1, "Phase", "string", ".status.phase", Description = "Where the run is.")]
[PrinterColumn(2, "Window", "string", ".status.window.start", Description = "Start of the reconciled window (UTC).")]
[PrinterColumn(3, "Missing", "integer", ".status.results.missingExports", Description = "Imported records missing from the export.")]
public sealed class KafkaReconciliation
    : IKubernetesObject<V1ObjectMeta>, ISpec<KafkaReconciliationSpec>, IStatus<KafkaReconciliationStatus?>
{
    public const string Group = "kafkarecon.io";
    public const string Version = "v1alpha1";
    public const string EntityKind = "KafkaReconciliation";
    public const string Plural = "kafkareconciliations";
    public const string Singular = "kafkareconciliation";
    public const string GroupVersion = Group + "/" + Version;

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GroupVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = EntityKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public KafkaReconciliationSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public KafkaReconciliationStatus? Status { get; set; }
}

/// <summary>A page of resources as returned by LIST; its resourceVersion starts a WATCH.</summary>
public sealed class KafkaReconciliationList : IKubernetesObject<V1ListMeta>, IItems<KafkaReconciliation>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KafkaReconciliation.GroupVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KafkaReconciliation.EntityKind + "List";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<KafkaReconciliation> Items { get; set; } = new List<KafkaReconciliation>();
}
