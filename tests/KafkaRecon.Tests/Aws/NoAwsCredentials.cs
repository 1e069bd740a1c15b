namespace KafkaRecon.Tests.Aws;

/// <summary>Environment variables under which AWS's default credential chain finds nothing at all.</summary>
internal static class NoAwsCredentials
{
    public static Dictionary<string, string?> Environment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = null,
        ["AWS_SECRET_ACCESS_KEY"] = null,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_ROLE_ARN"] = null,
        ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/kafka-recon/credentials",
        ["AWS_CONFIG_FILE"] = "/nonexistent/kafka-recon/config",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };
}
