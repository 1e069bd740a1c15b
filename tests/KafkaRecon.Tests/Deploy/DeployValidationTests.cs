using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Deploy;

/// <summary>
/// Runs tests/deploy/validate.sh: kustomize output against the Kubernetes schemas, CR samples against the generated
/// CRD (with its CEL rule), the chart rendered and checked, values against values.schema.json.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DeployValidationTests
{
    [Fact]
    public async Task Kustomize_chart_crd_and_samples_validate_against_real_schemas()
    {
        var (exit, output) = await RepositoryScript.RunAsync("tests/deploy/validate.sh", TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, output);
        Assert.Matches(@"deploy: \d+ passed, 0 failed", output);
    }
}
