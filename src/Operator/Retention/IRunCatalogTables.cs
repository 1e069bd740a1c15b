namespace KafkaRecon.Operator.Retention;

/// <summary>The catalog tables a run created (engine aws), removed before its data.</summary>
internal interface IRunCatalogTables
{
    /// <summary>Drops the run's tables in <paramref name="database"/>; returns how many existed.</summary>
    Task<int> DropAsync(string database, string runId, CancellationToken cancellationToken);
}
