using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>Deterministic names and tokens derived from an idempotency key, within each service's rules.</summary>
internal static partial class AwsNames
{
    public const int BatchJobNameLimit = 128;

    /// <summary>
    /// A Batch job name (<c>[A-Za-z0-9_-]</c>, starting alphanumeric, at most 128 characters) unique to the key,
    /// the manifest side and the partition. Long keys are shortened and made unique again with a hash of the key.
    /// </summary>
    public static string BatchJobName(string idempotencyKey, string side, int? partition)
    {
        var suffix = $"-{side}-{(partition is { } p ? $"p{p}" : "all")}";
        var body = "kr-" + InvalidBatchCharacters().Replace(idempotencyKey, "-");
        if (body.Length + suffix.Length > BatchJobNameLimit)
        {
            var hash = Hash(idempotencyKey)[..12];
            body = body[..(BatchJobNameLimit - suffix.Length - hash.Length - 1)] + "-" + hash;
        }
        return body + suffix;
    }

    /// <summary>An Athena ClientRequestToken (32-128 characters) for one statement of one phase attempt.</summary>
    public static string AthenaToken(string idempotencyKey, string statement) =>
        Hash($"{idempotencyKey}\n{statement}");

    /// <summary>A lower-case identifier fragment for table names: runs never share tables.</summary>
    public static string TableSuffix(string runId)
    {
        var cleaned = InvalidIdentifierCharacters().Replace(runId.ToLowerInvariant(), "_").Trim('_');
        if (cleaned.Length > 60)
        {
            cleaned = cleaned[..47] + "_" + Hash(runId)[..12];
        }
        return cleaned.Length == 0 ? Hash(runId)[..12] : cleaned;
    }

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex InvalidBatchCharacters();

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex InvalidIdentifierCharacters();
}
