using System.Text.RegularExpressions;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Tests.Crd;

namespace KafkaRecon.Tests.Deploy;

/// <summary>The arguments the manifests pass to kafka-recon are ones the real command line accepts.</summary>
public sealed partial class ManifestArgumentsTests
{
    [Theory]
    [InlineData("config/manager/manager.yaml")]
    [InlineData("charts/kafka-recon/templates/deployment.yaml")]
    [InlineData("charts/kafka-recon/templates/nightly-cronjob.yaml")]
    public void Container_arguments_parse_without_errors(string manifest)
    {
        var args = ArgumentLines().Matches(RepositoryRoot.ReadText(manifest))
            .Select(m => m.Groups["arg"].Value.Trim())
            .Where(a => !a.StartsWith("{{", StringComparison.Ordinal))
            .Select(Concrete)
            .ToList();
        if (args[0] != "create")
        {
            args.Insert(0, "operator");
        }
        var parsed = CliApplication.BuildRoot().Parse(args);
        Assert.True(parsed.Errors.Count == 0,
            $"{manifest}: kafka-recon {string.Join(' ', args)}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
    }

    /// <summary>Template expressions and environment references stand for plausible values.</summary>
    private static string Concrete(string arg) => TemplateValue().Replace(
        arg.Replace("$(POD_NAMESPACE)", "kafka-recon", StringComparison.Ordinal), match => match.Value switch
        {
            _ when match.Value.Contains("port", StringComparison.OrdinalIgnoreCase) => "8080",
            _ when match.Value.Contains("workers", StringComparison.OrdinalIgnoreCase) => "4",
            _ when match.Value.Contains("History", StringComparison.Ordinal) => "3",
            _ when match.Value.Contains("logFormat", StringComparison.Ordinal) => "json",
            _ when match.Value.Contains("concurrencyPolicy", StringComparison.Ordinal) => "Forbid",
            _ when match.Value.Contains("pullPolicy", StringComparison.Ordinal) => "IfNotPresent",
            _ when match.Value.Contains("pollInterval", StringComparison.Ordinal) => "15s",
            _ => "nightly",
        });

    [GeneratedRegex(@"^\s+- (?<arg>(create|--[a-z-]+.*))$", RegexOptions.Multiline)]
    private static partial Regex ArgumentLines();

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex TemplateValue();
}
