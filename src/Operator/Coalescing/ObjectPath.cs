namespace KafkaRecon.Operator.Coalescing;

/// <summary>Splits full locations (local paths or s3:// URLs) into folder and name, and joins them back.</summary>
internal static class ObjectPath
{
    private static readonly char[] Separators = ['/', Path.DirectorySeparatorChar];

    public static (string Folder, string Name) Split(string location)
    {
        var index = location.LastIndexOfAny(Separators);
        return index < 0 ? ("", location) : (location[..index], location[(index + 1)..]);
    }

    /// <summary>As <see cref="Split"/>, with the folder as a slice of <paramref name="location"/> (no copy).</summary>
    public static string Name(string location, out ReadOnlySpan<char> folder)
    {
        var index = location.LastIndexOfAny(Separators);
        folder = index < 0 ? "" : location.AsSpan(0, index);
        return location[(index + 1)..];
    }

    /// <summary>A sibling of <paramref name="location"/> named <paramref name="name"/>, same separator.</summary>
    public static string Sibling(string location, string name)
    {
        var index = location.LastIndexOfAny(Separators);
        return index < 0 ? name : location[..(index + 1)] + name;
    }
}
