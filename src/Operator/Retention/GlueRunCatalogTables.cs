using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Retention;

/// <summary>
/// A run's four Athena tables (named by <see cref="AthenaTableDefinitions.TableName"/>) removed with Glue
/// DeleteTable: one synchronous call each, no query to poll, and a table already gone is no error. External tables:
/// the Parquet data is not touched by this.
/// </summary>
internal sealed class GlueRunCatalogTables(LazyAwsClients aws) : IRunCatalogTables
{
    public async Task<int> DropAsync(string database, string runId, CancellationToken cancellationToken)
    {
        var dropped = 0;
        foreach (var table in RunLayout.Tables)
        {
            if (await aws.Value.Glue.DeleteTableAsync(
                    database, AthenaTableDefinitions.TableName(table, runId), cancellationToken))
            {
                dropped++;
            }
        }
        return dropped;
    }
}
