using System.Text.RegularExpressions;
using KafkaRecon.ApiServer.Http;

namespace KafkaRecon.ApiServer.Semantics;

/// <summary>Object name rules: DNS-1123 subdomain, and generateName suffixes like the server's.</summary>
internal static partial class ObjectNames
{
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static FieldCause? Validate(string name)
    {
        if (name.Length <= 253 && Subdomain().IsMatch(name))
        {
            return null;
        }

        var message = name.Length > 253
            ? $"Invalid value: \"{name}\": must be no more than 253 characters"
            : $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
        return new FieldCause("FieldValueInvalid", "metadata.name", message);
    }

    public static string Generate(string prefix)
    {
        var suffix = new char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = SuffixAlphabet[Random.Shared.Next(SuffixAlphabet.Length)];
        }

        return prefix + new string(suffix);
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
