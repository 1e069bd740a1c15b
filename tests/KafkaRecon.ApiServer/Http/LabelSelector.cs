namespace KafkaRecon.ApiServer.Http;

/// <summary>Kubernetes label selector: <c>k</c>, <c>!k</c>, <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>.</summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = [];

    private LabelSelector()
    {
    }

    public static LabelSelector Everything { get; } = new();

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        foreach (var requirement in SplitTopLevel(text ?? ""))
        {
            selector._requirements.Add(ParseRequirement(requirement.Trim()));
        }

        return selector;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(requirement => requirement(labels));

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string text)
    {
        if (text.StartsWith('!'))
        {
            var key = text[1..].Trim();
            return labels => !labels.ContainsKey(key);
        }

        foreach (var (op, negate) in new[] { (" notin ", true), (" in ", false) })
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = text[..at].Trim();
                var values = text[(at + op.Length)..].Trim().TrimStart('(').TrimEnd(')')
                    .Split(',', StringSplitOptions.TrimEntries).ToHashSet();
                return negate
                    ? labels => !labels.TryGetValue(key, out var value) || !values.Contains(value)
                    : labels => labels.TryGetValue(key, out var value) && values.Contains(value);
            }
        }

        foreach (var (op, negate) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = text[..at].Trim();
                var expected = text[(at + op.Length)..].Trim();
                return negate
                    ? labels => !labels.TryGetValue(key, out var value) || value != expected
                    : labels => labels.TryGetValue(key, out var value) && value == expected;
            }
        }

        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
        {
            throw ApiError.BadRequest($"unable to parse requirement: \"{text}\"");
        }

        return labels => labels.ContainsKey(text);
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
