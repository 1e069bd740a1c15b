using Amazon.Runtime;

namespace KafkaRecon.Operator.Aws;

/// <summary>Where and how kafka-recon talks to AWS (or to an emulator such as moto).</summary>
internal sealed record AwsOptions
{
    public const string EndpointVariable = "AWS_ENDPOINT_URL";

    public required string Region { get; init; }

    /// <summary>One endpoint for every service (moto, LocalStack); null: the public regional endpoints.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Fixed credentials (tests); null: the SDK's default chain (env, profile, web identity/IRSA, IMDS).</summary>
    public AWSCredentials? Credentials { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRetryAttempts { get; init; } = 5;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Region from <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>; endpoint from <paramref name="endpointOverride"/>
    /// (the <c>--aws-endpoint</c> option) or <c>AWS_ENDPOINT_URL</c>.
    /// </summary>
    public static AwsOptions FromEnvironment(string? endpointOverride = null)
    {
        var region = Environment.GetEnvironmentVariable("AWS_REGION")
            ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new AwsConfigurationException(
                "No AWS region is configured: set AWS_REGION (or AWS_DEFAULT_REGION), e.g. AWS_REGION=eu-west-2.");
        }
        var endpoint = endpointOverride ?? Environment.GetEnvironmentVariable(EndpointVariable);
        return new AwsOptions { Region = region, Endpoint = ParseEndpoint(endpoint) };
    }

    public static Uri? ParseEndpoint(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            throw new AwsConfigurationException(
                $"AWS endpoint '{endpoint}' (--aws-endpoint or {EndpointVariable}) is not an absolute http(s) URL; " +
                "expected e.g. http://127.0.0.1:5000.");
        }
        return uri;
    }

    /// <summary>The URL of a service: the shared endpoint when set, else the public regional one of the region's partition.</summary>
    public Uri ServiceUrl(string endpointPrefix) =>
        Endpoint ?? AwsPartitionEndpoints.ServiceUrl(endpointPrefix, Region);
}
