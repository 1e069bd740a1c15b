namespace KafkaRecon.Operator.Generation;

/// <summary>
/// Deterministic 64-bit mixing (SplitMix64). Everything the generator decides about a record is derived from the seed
/// and the record number, so nothing about 50 million records has to be remembered.
/// </summary>
internal static class SampleHash
{
    public static ulong Mix(ulong value)
    {
        var z = value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Of(long seed, long value, ulong salt) => Mix(Mix((ulong)seed ^ (salt * 0xD1B54A32D192ED03UL)) + (ulong)value);
}
