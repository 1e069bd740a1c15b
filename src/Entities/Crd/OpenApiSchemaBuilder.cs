using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;

namespace KafkaRecon.Entities.Crd;

/// <summary>
/// Builds a structural OpenAPI v3 schema from C# types by reflection: JSON names from <see cref="JsonPropertyNameAttribute"/>,
/// validation from data annotations, descriptions from <see cref="DescriptionAttribute"/>.
/// </summary>
/// <remarks>
/// Optional (nullable) members get no <c>nullable</c> marker: the client omits nulls when writing and the API server prunes
/// explicit nulls of non-nullable fields before defaulting, so the stored object simply lacks the field.
/// <c>nullable: false</c> is never written either: it is the default, and emitting it is one of KubeOps' CRD-generation defects.
/// </remarks>
internal sealed class OpenApiSchemaBuilder
{
    private readonly NullabilityInfoContext nullability = new();

    /// <param name="type">The class whose serialized properties become the object's properties.</param>
    /// <param name="description">Overrides the class's own [Description].</param>
    /// <param name="skip">JSON names the caller describes itself (the root's apiVersion, kind and metadata).</param>
    public V1JSONSchemaProps ForObject(Type type, string? description = null, IReadOnlySet<string>? skip = null)
    {
        var properties = new SortedDictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal);
        var required = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var property in SerializedProperties(type))
        {
            var name = JsonName(property);
            if (skip?.Contains(name) == true)
            {
                continue;
            }
            properties[name] = ForProperty(property);
            if (property.GetCustomAttribute<RequiredAttribute>() is not null)
            {
                required.Add(name);
            }
        }

        return new V1JSONSchemaProps
        {
            Type = "object",
            Description = description ?? type.GetCustomAttribute<DescriptionAttribute>()?.Description,
            Properties = new Dictionary<string, V1JSONSchemaProps>(properties),
            Required = required.Count > 0 ? required.ToList() : null,
            XKubernetesValidations = ValidationRules(type),
        };
    }

    private V1JSONSchemaProps ForProperty(PropertyInfo property)
    {
        var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
        var schema = ForType(property.PropertyType, description);
        ApplyAnnotations(property, schema);

        var isOptional = nullability.Create(property).ReadState == NullabilityState.Nullable;
        if (schema.Type == "object" && schema.Properties is not null && !isOptional
            && schema.Required is null && ContainsDefault(schema))
        {
            // An absent parent object would hide its children's defaults; an empty default lets the API server fill them.
            schema.DefaultProperty = new Dictionary<string, object>();
        }
        return schema;
    }

    private V1JSONSchemaProps ForType(Type type, string? description)
    {
        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        if (ListItemType(valueType) == typeof(V1Condition))
        {
            return ConditionSchema.List(description);
        }
        return valueType switch
        {
            _ when valueType == typeof(string) => Scalar("string", null, description),
            _ when valueType == typeof(bool) => Scalar("boolean", null, description),
            _ when valueType == typeof(int) || valueType == typeof(short) => Scalar("integer", "int32", description),
            _ when valueType == typeof(long) => Scalar("integer", "int64", description),
            _ when valueType == typeof(double) || valueType == typeof(float) || valueType == typeof(decimal)
                => Scalar("number", "double", description),
            _ when valueType == typeof(DateTimeOffset) || valueType == typeof(DateTime)
                => Scalar("string", "date-time", description),
            { IsEnum: true } => EnumSchema(valueType, description),
            _ when MapValueType(valueType) is { } valueOfMap => new V1JSONSchemaProps
            {
                Type = "object",
                Description = description,
                AdditionalProperties = ForType(valueOfMap, null),
            },
            _ when ListItemType(valueType) is { } item => new V1JSONSchemaProps
            {
                Type = "array",
                Description = description,
                Items = ForType(item, null),
            },
            { IsClass: true } when valueType.Namespace?.StartsWith("KafkaRecon", StringComparison.Ordinal) == true
                => ForObject(valueType, description),
            _ => throw new NotSupportedException(
                $"The CRD generator has no OpenAPI mapping for {valueType.FullName}; map it in {nameof(OpenApiSchemaBuilder)}."),
        };
    }

    private static V1JSONSchemaProps Scalar(string type, string? format, string? description) =>
        new() { Type = type, Format = format, Description = description };

    private static V1JSONSchemaProps EnumSchema(Type enumType, string? description) => new()
    {
        Type = "string",
        Description = description,
        EnumProperty = Enum.GetNames(enumType).Select(name => (object)EnumJsonName(enumType, name)).ToList(),
    };

    private static void ApplyAnnotations(PropertyInfo property, V1JSONSchemaProps schema)
    {
        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } regex)
        {
            schema.Pattern = regex.Pattern;
        }
        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            schema.Minimum = Bound(range.Minimum, schema.Format);
            schema.Maximum = Bound(range.Maximum, schema.Format);
        }
        if (property.GetCustomAttribute<MinLengthAttribute>() is { } minLength)
        {
            if (schema.Type == "array") { schema.MinItems = minLength.Length; } else { schema.MinLength = minLength.Length; }
        }
        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } maxLength)
        {
            if (schema.Type == "array") { schema.MaxItems = maxLength.Length; } else { schema.MaxLength = maxLength.Length; }
        }
        if (property.GetCustomAttribute<ListTypeAttribute>() is { } listType)
        {
            schema.XKubernetesListType = listType.ListType;
        }
        if (property.GetCustomAttribute<DefaultValueAttribute>() is { Value: { } value })
        {
            schema.DefaultProperty = value is Enum member ? EnumJsonName(member.GetType(), member.ToString()) : value;
        }
    }

    /// <summary>A bound equal to the type's own limit says nothing and is left out (it would print as 9.2233720368547758E+18).</summary>
    private static double? Bound(object bound, string? format)
    {
        var value = Convert.ToDouble(bound, System.Globalization.CultureInfo.InvariantCulture);
        var typeLimit = format switch
        {
            "int32" => int.MaxValue,
            "int64" => long.MaxValue,
            _ => double.MaxValue,
        };
        return Math.Abs(value) >= typeLimit ? null : value;
    }

    private static bool ContainsDefault(V1JSONSchemaProps schema) =>
        schema.DefaultProperty is not null
        || (schema.Properties?.Values.Any(ContainsDefault) ?? false);

    private static List<V1ValidationRule>? ValidationRules(Type type)
    {
        var rules = type.GetCustomAttributes<ValidationRuleAttribute>()
            .Select(rule => new V1ValidationRule { Rule = rule.Rule, Message = rule.Message, FieldPath = rule.FieldPath })
            .ToList();
        return rules.Count > 0 ? rules : null;
    }

    private static IEnumerable<PropertyInfo> SerializedProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetMethod is not null && property.GetIndexParameters().Length == 0)
            .Where(property => property.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always });

    internal static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? throw new InvalidOperationException(
            $"{property.DeclaringType?.Name}.{property.Name} needs [JsonPropertyName] so its CRD field name is explicit.");

    internal static string EnumJsonName(Type enumType, string memberName) =>
        enumType.GetField(memberName)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? memberName;

    private static Type? MapValueType(Type type) =>
        GenericInterface(type, typeof(IDictionary<,>)) is { } map && map.GetGenericArguments()[0] == typeof(string)
            ? map.GetGenericArguments()[1]
            : null;

    private static Type? ListItemType(Type type)
    {
        if (type == typeof(string) || MapValueType(type) is not null) { return null; }
        if (type.IsArray) { return type.GetElementType(); }
        return GenericInterface(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    private static Type? GenericInterface(Type type, Type openGeneric) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == openGeneric
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric);
}
