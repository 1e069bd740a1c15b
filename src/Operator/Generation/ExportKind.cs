namespace KafkaRecon.Operator.Generation;

/// <summary>Export component (field 5) and type (field 7) values HTME writes.</summary>
internal static class ExportKind
{
    public const byte ComponentK2hb = 0;
    public const byte ComponentHdi = 1;
    public const byte ComponentTypeNotSet = 2;

    public const byte TypeInsert = 0;
    public const byte TypeUpdate = 1;
    public const byte TypeDelete = 2;
    public const byte TypeImport = 3;
    public const byte TypeNotSet = 4;

    public static readonly string[] Components = ["K2HB", "HDI", "TYPE_NOT_SET"];
    public static readonly string[] Types = ["MONGO_INSERT", "MONGO_UPDATE", "MONGO_DELETE", "MONGO_IMPORT", "TYPE_NOT_SET"];
}
