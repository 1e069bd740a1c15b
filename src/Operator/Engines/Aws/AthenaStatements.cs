using System.Globalization;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// The statements of one query phase attempt and the executions already started for them, kept in
/// <see cref="PhaseContext.ExternalIds"/> as <c>statement=executionId</c> (<c>ddl:counts=…</c>, <c>query:0=…</c>).
/// </summary>
internal sealed class AthenaStatements
{
    private readonly List<(string Statement, string ExecutionId)> started = [];

    public AthenaStatements(IEnumerable<string> externalIds)
    {
        foreach (var entry in externalIds)
        {
            var separator = entry.IndexOf('=');
            if (separator > 0)
            {
                started.Add((entry[..separator], entry[(separator + 1)..]));
            }
        }
    }

    public static string Ddl(string table) => $"ddl:{table}";

    public static string Query(int index) => $"query:{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A summary query, by its file (<c>summary/totals.sql</c> → <c>summary:totals</c>).</summary>
    public static string Summary(string path) => $"summary:{Path.GetFileNameWithoutExtension(path)}";

    public string? ExecutionOf(string statement) =>
        started.FirstOrDefault(s => s.Statement == statement).ExecutionId;

    public void Add(string statement, string executionId) => started.Add((statement, executionId));

    public IReadOnlyList<string> ExternalIds => started.Select(s => $"{s.Statement}={s.ExecutionId}").ToList();

    public IReadOnlyList<string> ExecutionIds => started.Select(s => s.ExecutionId).ToList();
}
