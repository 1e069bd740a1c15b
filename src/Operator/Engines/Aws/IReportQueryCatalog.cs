using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>The report queries a run executes, in order. The SQL is the same text every engine runs.</summary>
internal interface IReportQueryCatalog
{
    IReadOnlyList<ReportQuery> Select(QuerySpec spec);
}
