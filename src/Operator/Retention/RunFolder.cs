using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Retention;

/// <summary>One folder under <c>&lt;output&gt;/runs/</c> as listed: its objects and the newest one's time (its age).</summary>
internal sealed record RunFolder(string RunId, IReadOnlyList<StoredObject> Objects, DateTimeOffset Newest);
