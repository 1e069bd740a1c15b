namespace KafkaRecon.Entities.Crd;

/// <summary><c>x-kubernetes-list-type</c> of a list: <c>set</c> rejects duplicates and lets server-side apply merge items.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListTypeAttribute(string listType) : Attribute
{
    public string ListType { get; } = listType;
}
