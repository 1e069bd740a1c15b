using System.Text.RegularExpressions;

namespace KafkaRecon.Entities.Validation;

/// <summary>
/// <c>metadata.name</c> follows the Kubernetes rule for custom resources (a DNS-1123 subdomain: lower-case letters,
/// digits, '-' and '.', starting and ending with a letter or digit), so a file run names its folders exactly as the
/// cluster would allow — never a path that climbs out of the output folder.
/// </summary>
public static partial class ResourceNameRule
{
    /// <summary>
    /// Longest name whose run folder (<c>name-yyyymmdd-rNNNN</c>) and Athena tables still fit a 255-byte name; the
    /// cluster allows 253, which fails at once (not after retries) when a run folder is created.
    /// </summary>
    public const int MaxLength = 230;

    public static SpecError? Check(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new("metadata.name", "is required");
        }
        if (name.Length > MaxLength)
        {
            return new("metadata.name",
                $"is {name.Length} characters long; at most {MaxLength} (its run folder name must fit 255 bytes)");
        }
        if (!Dns1123Subdomain().IsMatch(name))
        {
            return new("metadata.name",
                $"'{name}' is not a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending " +
                "with a letter or digit (as Kubernetes requires)");
        }
        return null;
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();
}
