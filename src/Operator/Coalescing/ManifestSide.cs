namespace KafkaRecon.Operator.Coalescing;

/// <summary>Which producer wrote a manifest file: K2HB (import) or HTME (export).</summary>
internal enum ManifestSide
{
    Import,
    Export,
}
