using Amazon.Runtime;
using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Tests.Aws;

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
    public void Missing_region_names_the_variables_to_set()
    {
        var region = Environment.GetEnvironmentVariable("AWS_REGION");
        var defaultRegion = Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        if (region is not null || defaultRegion is not null)
        {
            return; // The developer's environment configures a region; nothing to observe here.
        }

        var error = Assert.Throws<AwsConfigurationException>(() => AwsOptions.FromEnvironment());

        Assert.Contains("AWS_REGION", error.Message);
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
