using System.Text.Json;
using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Json;
using KafkaRecon.ApiServer.Resources;
using KafkaRecon.ApiServer.Validation;

namespace KafkaRecon.ApiServer.Http;

/// <summary>
/// meta.k8s.io/v1 <c>Table</c> responses built like the apiextensions table convertor: a Name column, then the CRD's
/// additionalPrinterColumns (or Age when it has none); date columns become ages such as "5m".
/// </summary>
internal sealed class TableBuilder(TimeProvider time)
{
    public static bool IsRequested(string? accept) =>
        accept is not null && accept.Split(',').Any(part => part.Contains("as=Table", StringComparison.Ordinal));

    public JsonObject Build(ResourceType type, IEnumerable<JsonObject> objects, string resourceVersion, string? continueToken, string? includeObject)
    {
        var columns = Columns(type);
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            rows.Add(Row(columns, obj, includeObject));
        }

        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (!string.IsNullOrEmpty(continueToken))
        {
            metadata["continue"] = continueToken;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = new JsonArray(columns.Select(column => (JsonNode)column.Definition.DeepClone()).ToArray()),
            ["rows"] = rows,
        };
    }

    private JsonObject Row(IReadOnlyList<Column> columns, JsonObject obj, string? includeObject)
    {
        var cells = new JsonArray();
        foreach (var column in columns)
        {
            cells.Add(Cell(column, obj));
        }

        var row = new JsonObject { ["cells"] = cells };
        switch (includeObject)
        {
            case "None":
                break;
            case "Object":
                row["object"] = obj.DeepClone();
                break;
            default:
                row["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                };
                break;
        }

        return row;
    }

    private JsonNode? Cell(Column column, JsonObject obj)
    {
        var value = PrinterJsonPath.First(obj, column.JsonPath);
        if (value is null)
        {
            return null;
        }

        var kind = value is JsonValue scalar ? scalar.GetValueKind() : JsonValueKind.Object;
        return column.Type switch
        {
            "string" => kind == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(),
            "integer" when kind == JsonValueKind.Number => JsonNumbers.AsLong(value),
            "number" when kind == JsonValueKind.Number => JsonNumbers.AsDouble(value),
            "boolean" when kind is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            "date" when kind == JsonValueKind.String => RfcTimestamp.TryParse(value.GetValue<string>(), out var instant)
                ? HumanDuration.Format(time.GetUtcNow() - instant)
                : "<invalid>",
            _ => null,
        };
    }

    private static IReadOnlyList<Column> Columns(ResourceType type)
    {
        var columns = new List<Column>
        {
            new(".metadata.name", "string", Definition("Name", "string", "name",
                "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically.", 0)),
        };
        var printerColumns = type.PrinterColumns.OfType<JsonObject>().ToList();
        if (printerColumns.Count == 0)
        {
            columns.Add(new Column(".metadata.creationTimestamp", "date", Definition("Age", "date", "",
                "CreationTimestamp is a timestamp representing the server time when this object was created.", 0)));
        }

        foreach (var printer in printerColumns)
        {
            var jsonPath = printer["jsonPath"]!.GetValue<string>();
            var columnType = printer["type"]?.GetValue<string>() ?? "string";
            columns.Add(new Column(jsonPath, columnType, Definition(
                printer["name"]!.GetValue<string>(),
                columnType,
                printer["format"]?.GetValue<string>() ?? "",
                printer["description"]?.GetValue<string>() ?? $"Custom resource definition column (in JSONPath format): {jsonPath}",
                printer["priority"] is { } priority ? (int)JsonNumbers.AsLong(priority) : 0)));
        }

        return columns;
    }

    private static JsonObject Definition(string name, string type, string format, string description, int priority) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["format"] = format,
        ["description"] = description,
        ["priority"] = priority,
    };

    private sealed record Column(string JsonPath, string Type, JsonObject Definition);
}
