using Amazon.Runtime;
using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Tests.Aws;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class AwsCredentialSourceTests
{
    [Fact]
    public async Task Credentials_that_cannot_be_resolved_give_a_clear_error()
    {
        var options = new AwsOptions { Region = "eu-west-2", Credentials = new UnresolvableCredentials() };
        using var clients = new AwsClients(options);

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() =>
            clients.Batch.DescribeJobsAsync(["job"], CancellationToken.None));

        Assert.Contains("No AWS credentials could be resolved", error.Message);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message);
        Assert.Contains("IRSA", error.Message);
        Assert.Contains("token file is missing", error.Message);
    }

    [Fact]
    public async Task Default_chain_without_any_credentials_gives_a_clear_error()
    {
        using var environment = new ScopedEnvironment(NoAwsCredentials.Environment());
        using var clients = new AwsClients(new AwsOptions { Region = "eu-west-2" });

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() =>
            clients.Glue.GetJobRunAsync("job", "run", CancellationToken.None));

        Assert.Contains("No AWS credentials could be resolved", error.Message);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message);
    }

    [Fact]
    public void Missing_region_names_the_variables_to_set()
    {
        using var environment = new ScopedEnvironment(new Dictionary<string, string?>
        {
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = null,
        });

        var error = Assert.Throws<AwsConfigurationException>(() => AwsOptions.FromEnvironment());

        Assert.Contains("AWS_REGION", error.Message);
    }

    [Fact]
    public void Endpoint_option_wins_over_the_environment_variable()
    {
        using var environment = new ScopedEnvironment(new Dictionary<string, string?>
        {
            ["AWS_REGION"] = "eu-west-2",
            [AwsOptions.EndpointVariable] = "http://127.0.0.1:1111",
        });

        var fromVariable = AwsOptions.FromEnvironment();
        var fromOption = AwsOptions.FromEnvironment("http://127.0.0.1:2222");

        Assert.Equal(new Uri("http://127.0.0.1:1111"), fromVariable.Endpoint);
        Assert.Equal(new Uri("http://127.0.0.1:2222"), fromOption.Endpoint);
        Assert.Equal("eu-west-2", fromOption.Region);
        Assert.Equal(new Uri("https://athena.eu-west-2.amazonaws.com/"), (fromOption with { Endpoint = null }).ServiceUrl("athena"));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1:21")]
    public void Malformed_endpoint_is_refused_with_the_expected_form(string endpoint)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsOptions.ParseEndpoint(endpoint));

        Assert.Contains("--aws-endpoint", error.Message);
        Assert.Contains("http://127.0.0.1:5000", error.Message);
    }

    /// <summary>Stands for a web-identity token file that has gone missing: the SDK fails to produce credentials.</summary>
    private sealed class UnresolvableCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() =>
            throw new AmazonClientException("The web identity token file is missing.");

        public override Task<ImmutableCredentials> GetCredentialsAsync() =>
            Task.FromException<ImmutableCredentials>(new AmazonClientException("The web identity token file is missing."));
    }
}

/// <summary>Tests that change process environment variables run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process-environment";
}

/// <summary>Sets environment variables for one test and restores them afterwards.</summary>
internal sealed class ScopedEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> previous = new();

    public ScopedEnvironment(IReadOnlyDictionary<string, string?> values)
    {
        foreach (var (name, value) in values)
        {
            previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
