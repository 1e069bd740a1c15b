using System.ComponentModel;
using System.Reflection;
using k8s;
using k8s.Models;

namespace KafkaRecon.Entities.Crd;

/// <summary>Builds the <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition of an entity type from its C# shape.</summary>
internal static class CrdGenerator
{
    public static V1CustomResourceDefinition Generate<TEntity>() => Generate(typeof(TEntity));

    public static V1CustomResourceDefinition Generate(Type entityType)
    {
        var entity = entityType.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{entityType.Name} needs [KubernetesEntity] to become a CRD.");
        var names = entityType.GetCustomAttribute<ResourceNamesAttribute>() ?? new ResourceNamesAttribute();
        var plural = entity.PluralName;
        return new V1CustomResourceDefinition
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta
            {
                Name = $"{plural}.{entity.Group}",
                Labels = new Dictionary<string, string> { ["app.kubernetes.io/part-of"] = "kafka-recon" },
            },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = entity.Group,
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = entity.Kind,
                    ListKind = entity.Kind + "List",
                    Plural = plural,
                    Singular = entity.Kind.ToLowerInvariant(),
                    ShortNames = names.ShortNames.Length > 0 ? names.ShortNames.ToList() : null,
                    Categories = names.Categories.Length > 0 ? names.Categories.ToList() : null,
                },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = entity.ApiVersion,
                        Served = true,
                        Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = RootSchema(entityType) },
                        Subresources = new V1CustomResourceSubresources { Status = new Dictionary<string, object>() },
                        AdditionalPrinterColumns = PrinterColumns(entityType),
                    },
                ],
            },
        };
    }

    private static V1JSONSchemaProps RootSchema(Type entityType)
    {
        var builder = new OpenApiSchemaBuilder();
        var root = builder.ForObject(
            entityType,
            entityType.GetCustomAttribute<DescriptionAttribute>()?.Description,
            skip: new HashSet<string>(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" });
        var properties = new SortedDictionary<string, V1JSONSchemaProps>(root.Properties!, StringComparer.Ordinal);
        properties["apiVersion"] = new V1JSONSchemaProps
        {
            Type = "string",
            Description = "Versioned schema of this representation of an object; kafkarecon.io/v1alpha1.",
        };
        properties["kind"] = new V1JSONSchemaProps
        {
            Type = "string",
            Description = "REST resource this object represents; KafkaReconciliation.",
        };
        // The API server owns metadata's schema; a CRD may only say it is an object.
        properties["metadata"] = new V1JSONSchemaProps { Type = "object" };
        root.Properties = new Dictionary<string, V1JSONSchemaProps>(properties);
        root.Required = ["spec"];
        return root;
    }

    private static List<V1CustomResourceColumnDefinition> PrinterColumns(Type entityType)
    {
        var columns = entityType.GetCustomAttributes<PrinterColumnAttribute>()
            .OrderBy(column => column.Order)
            .Select(column => new V1CustomResourceColumnDefinition
            {
                Name = column.Name,
                Type = column.Type,
                JsonPath = column.JsonPath,
                Description = column.Description,
                Priority = column.Priority == 0 ? null : column.Priority,
            })
            .ToList();
        // Declaring any column replaces the API server's implicit Age column, so it is added back explicitly.
        columns.Add(new V1CustomResourceColumnDefinition
        {
            Name = "Age",
            Type = "date",
            JsonPath = ".metadata.creationTimestamp",
        });
        return columns;
    }
}
