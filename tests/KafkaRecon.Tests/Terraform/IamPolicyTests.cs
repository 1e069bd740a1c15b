using System.Reflection;
using System.Text.Json;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Crd;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Terraform;

/// <summary>
/// infra/terraform's policy documents, read with HashiCorp's HCL parser (@cdktf/hcl2json), allow every action the
/// code needs and nothing it does not (<see cref="RoleActions"/>). moto enforces no IAM, so only this test sees a
/// missing or a superfluous right before the first real night.
/// </summary>
[Trait("Category", "Slow")]
public sealed class IamPolicyTests
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, string[]>>> Documents = new(ReadDocumentsAsync);

    public static TheoryData<string> Roles => new("operator", "glue", "coalescer");

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Role_policy_allows_exactly_the_actions_its_code_calls(string document)
    {
        var expected = document switch
        {
            "operator" => RoleActions.Operator,
            "glue" => RoleActions.GlueJob,
            _ => RoleActions.Coalescer,
        };

        var allowed = (await Documents.Value)[document].ToHashSet();

        Assert.True(expected.Except(allowed).Order().ToList() is [], $"{document} lacks: {string.Join(", ", expected.Except(allowed).Order())}");
        Assert.True(allowed.Except(expected).Order().ToList() is [], $"{document} allows unused: {string.Join(", ", allowed.Except(expected).Order())}");
    }

    [Fact]
    public void Every_public_method_of_the_aws_clients_has_its_actions_listed()
    {
        var methods = new[] { typeof(AthenaClient), typeof(GlueClient), typeof(BatchClient), typeof(S3ObjectStore) }
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(method => $"{type.Name}.{method.Name}"))
            .Distinct();

        Assert.Empty(methods.Except(RoleActions.ByClientMethod.Keys));
    }

    [Fact]
    public void Setup_guide_names_every_action_of_every_role()
    {
        var guide = File.ReadAllText(RepositoryRoot.File("docs/aws-setup.md"));

        var unexplained = RoleActions.Operator.Concat(RoleActions.GlueJob).Concat(RoleActions.Coalescer)
            .Distinct().Where(action => !guide.Contains($"| `{action}` |", StringComparison.Ordinal)).Order().ToList();

        Assert.True(unexplained.Count == 0, $"docs/aws-setup.md has no line for: {string.Join(", ", unexplained)}");
    }

    private static async Task<IReadOnlyDictionary<string, string[]>> ReadDocumentsAsync()
    {
        var (exit, output) = await RepositoryScript.RunAsync("tests/terraform/iam-actions.sh", TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, output);
        var json = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(line => line.StartsWith('{'));
        return JsonSerializer.Deserialize<Dictionary<string, string[]>>(json)!;
    }
}
