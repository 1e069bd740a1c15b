namespace KafkaRecon.Operator.Retention;

/// <summary>
/// The one check every deletion passes: the location is strictly below the run's folder, which is directly below
/// <c>&lt;output&gt;/runs</c>, and no segment climbs or stays (<c>..</c>, <c>.</c>), whatever a listing returned.
/// </summary>
internal static class RetentionScope
{
    public static bool IsInside(string runFolder, string location)
    {
        var separator = location.StartsWith("s3://", StringComparison.Ordinal) ? '/' : Path.DirectorySeparatorChar;
        var prefix = runFolder.TrimEnd('/', Path.DirectorySeparatorChar) + separator;
        if (!location.StartsWith(prefix, StringComparison.Ordinal) || location.Length == prefix.Length)
        {
            return false;
        }
        var segments = location[prefix.Length..].Split(separator);
        return segments.All(segment => segment is not (".." or "." or ""));
    }
}
