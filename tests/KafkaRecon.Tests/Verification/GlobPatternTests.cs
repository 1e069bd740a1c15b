using KafkaRecon.Operator.Verification;

namespace KafkaRecon.Tests.Verification;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything.at-all", true)]
    [InlineData("test_*", "test_users", true)]
    [InlineData("test_*", "prod_test_users", false)]
    [InlineData("*_test", "users_test", true)]
    [InlineData("*.v?", "claim.v2", true)]
    [InlineData("*.v?", "claim.v12", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXcYYb", false)]
    [InlineData("core", "core", true)]
    [InlineData("core", "Core", false)]
    [InlineData("core", "core2", false)]
    [InlineData("[x]", "[x]", true)]
    [InlineData("a.c", "abc", false)]
    public void Star_and_question_mark_are_the_only_wildcards(string pattern, string text, bool matches) =>
        Assert.Equal(matches, GlobPattern.Matches(pattern, text));
}
