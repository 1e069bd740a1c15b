using KafkaRecon.Entities;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Inputs;

/// <summary>One location's listing for a run: the files every engine reads, in ordinal order, and their totals.</summary>
internal sealed record InputList(InputRule Rule, IReadOnlyList<StoredObject> Files, InputTotals Totals)
{
    public IReadOnlyList<string> Locations => Files.Select(f => f.Location).ToList();
}
