namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>The sides with their cleaned copies, how many lines were set aside, and the first of them (for errors).</summary>
internal sealed record ManifestAuditResult(IReadOnlyList<ManifestFiles> Sides, long Count, string? First);
