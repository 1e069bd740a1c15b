using System.CommandLine;
using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Operator.Cli;

/// <summary><c>--aws-endpoint</c>: one endpoint for every AWS service (moto, LocalStack), checked when parsed.</summary>
internal static class AwsEndpointOption
{
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--aws-endpoint")
        {
            Description = $"Endpoint URL for S3, Athena, Glue and Batch (emulators); default: env {AwsOptions.EndpointVariable}, else AWS.",
        };
        option.Validators.Add(result =>
        {
            try
            {
                AwsOptions.ParseEndpoint(result.GetValueOrDefault<string?>());
            }
            catch (AwsConfigurationException e)
            {
                result.AddError(e.Message);
            }
        });
        return option;
    }
}
