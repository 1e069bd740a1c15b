namespace KafkaRecon.Operator.Verification;

/// <summary>
/// Matches names against the glob patterns of <c>spec.verification.collections</c>: <c>*</c> any run of characters
/// (also none), <c>?</c> exactly one, everything else itself (ordinal, case-sensitive). Pure; linear in practice
/// (greedy star with one backtrack point, no regular expression).
/// </summary>
internal static class GlobPattern
{
    public static bool Matches(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
