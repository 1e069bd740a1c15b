using KafkaRecon.Operator.Cli;

namespace KafkaRecon.Tests.Cli;

public sealed class JobRunnerOptionsTests
{
    [Fact]
    public void Job_env_keeps_secret_references_as_references()
    {
        var environment = JobRunnerOptions.ParseEnvironment("""
            [{"name": "AWS_REGION", "value": "eu-west-2"},
             {"name": "AWS_SECRET_ACCESS_KEY", "valueFrom": {"secretKeyRef": {"name": "aws", "key": "secret"}}}]
            """);

        Assert.Equal("eu-west-2", environment[0].Value);
        Assert.Null(environment[1].Value);
        Assert.Equal(("aws", "secret"), (environment[1].ValueFrom.SecretKeyRef.Name, environment[1].ValueFrom.SecretKeyRef.Key));
    }

    [Theory]
    [InlineData("[{\"value\": \"x\"}]")]
    [InlineData("{\"name\": \"AWS_REGION\"}")]
    [InlineData("not json")]
    public void Operator_refuses_a_job_env_that_is_no_list_of_named_entries(string json)
    {
        var parsed = CliApplication.BuildRoot().Parse(["operator", "--job-image", "img", "--job-env", json]);

        Assert.Contains(parsed.Errors, error => error.Message.Contains("--job-env", StringComparison.Ordinal));
    }

    [Fact]
    public void Operator_accepts_the_job_flags_the_chart_passes()
    {
        var parsed = CliApplication.BuildRoot().Parse(
        [
            "operator", "--job-image=ghcr.io/kafka-recon/kafka-recon:0.1.0", "--job-image-pull-policy=IfNotPresent",
            "--job-namespace=recon", "--job-service-account=kafka-recon", "--job-poll-interval=15s",
            "--job-env=[{\"name\":\"AWS_REGION\",\"value\":\"eu-west-2\"}]",
        ]);

        Assert.Empty(parsed.Errors);
    }
}
