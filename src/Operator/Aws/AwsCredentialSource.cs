using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace KafkaRecon.Operator.Aws;

/// <summary>
/// Resolves credentials with the SDK's default chain (environment, shared profile, web identity / IRSA, container
/// and instance metadata), or the fixed credentials of <see cref="AwsOptions.Credentials"/>.
/// </summary>
internal sealed class AwsCredentialSource(AwsOptions options)
{
    private readonly Lock gate = new();
    private Task<AWSCredentials>? resolving;

    /// <summary>The resolved provider, cached; a failed resolution is tried again on the next call.</summary>
    public async Task<AWSCredentials> GetAsync()
    {
        Task<AWSCredentials> current;
        lock (gate)
        {
            if (resolving is null || resolving.IsFaulted || resolving.IsCanceled)
            {
                resolving = ResolveAsync(options);
            }
            current = resolving;
        }
        return await current;
    }

    public async Task<ImmutableCredentials> GetImmutableAsync()
    {
        var resolved = await GetAsync();
        try
        {
            return await resolved.GetCredentialsAsync();
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException)
        {
            throw Unavailable(e);
        }
    }

    private static async Task<AWSCredentials> ResolveAsync(AwsOptions options)
    {
        if (options.Credentials is not null)
        {
            return options.Credentials;
        }
        try
        {
            using var resolver = new DefaultAWSCredentialsIdentityResolver();
            return await resolver.ResolveIdentityAsync(clientConfig: null!, CancellationToken.None);
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException)
        {
            throw Unavailable(e);
        }
    }

    private static AwsConfigurationException Unavailable(Exception cause) => new(
        "No AWS credentials could be resolved. Provide them in one of the SDK's usual ways: AWS_ACCESS_KEY_ID and " +
        "AWS_SECRET_ACCESS_KEY, a profile (AWS_PROFILE), or in Kubernetes a service account annotated for IRSA " +
        $"(AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE). The SDK said: {cause.Message}",
        cause);
}
