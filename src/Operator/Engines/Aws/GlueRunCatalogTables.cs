using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Retention;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// A run's four Athena tables (named by <see cref="AthenaTableDefinitions.TableName"/>) removed with Glue
/// DeleteTable: one synchronous call each, no query to poll, and a table already gone is no error. External tables:
/// the Parquet data is not touched by this.
/// </summary>
internal sealed class GlueRunCatalogTables(Func<GlueClient> glue) : IRunCatalogTables
{
    public async Task<int> DropAsync(string database, string runId, CancellationToken cancellationToken)
    {
        var dropped = 0;
        foreach (var table in RunLayout.Tables)
        {
            if (await glue().DeleteTableAsync(
                    database, AthenaTableDefinitions.TableName(table, runId), cancellationToken))
            {
                dropped++;
            }
        }
        return dropped;
    }
}
