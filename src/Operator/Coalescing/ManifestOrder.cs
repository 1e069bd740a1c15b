namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// Where a manifest file sits in its group: K2HB files by (topic, start offset, end offset), HTME files by
/// (topic, start, stop, batch). Compared ordinally on the topic, then numerically.
/// </summary>
internal readonly record struct ManifestOrder(string Topic, long First, long Second, long Third)
    : IComparable<ManifestOrder>
{
    public int CompareTo(ManifestOrder other)
    {
        var byTopic = string.CompareOrdinal(Topic, other.Topic);
        if (byTopic != 0)
        {
            return byTopic;
        }
        var byFirst = First.CompareTo(other.First);
        if (byFirst != 0)
        {
            return byFirst;
        }
        var bySecond = Second.CompareTo(other.Second);
        return bySecond != 0 ? bySecond : Third.CompareTo(other.Third);
    }

    public static bool operator <(ManifestOrder left, ManifestOrder right) => left.CompareTo(right) < 0;
    public static bool operator >(ManifestOrder left, ManifestOrder right) => left.CompareTo(right) > 0;
    public static bool operator <=(ManifestOrder left, ManifestOrder right) => left.CompareTo(right) <= 0;
    public static bool operator >=(ManifestOrder left, ManifestOrder right) => left.CompareTo(right) >= 0;
}
