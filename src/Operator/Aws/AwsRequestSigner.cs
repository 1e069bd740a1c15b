using Amazon.Runtime;
using Amazon.S3;
using Amazon.Util;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace KafkaRecon.Operator.Aws;

/// <summary>
/// Signs a request with Signature Version 4 using AWSSDK.Core's own signer, so the canonical request, the
/// signing key and the session-token handling are the SDK's, not ours.
/// </summary>
internal sealed class AwsRequestSigner(string region)
{
    private readonly AWS4Signer signer = new();

    public void Sign(HttpRequestMessage message, string signingService, byte[] body, ImmutableCredentials credentials)
    {
        var uri = message.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(message));
        var request = new DefaultRequest(new SignableRequest(), signingService)
        {
            HttpMethod = message.Method.Method,
            Endpoint = new Uri(uri.GetLeftPart(UriPartial.Authority)),
            ResourcePath = uri.AbsolutePath,
            Content = body,
            AuthenticationRegion = region,
        };
        foreach (var header in message.Headers)
        {
            request.Headers[header.Key] = string.Join(",", header.Value);
        }
        if (message.Content is not null)
        {
            foreach (var header in message.Content.Headers)
            {
                request.Headers[header.Key] = string.Join(",", header.Value);
            }
        }
        if (credentials.UseToken)
        {
            request.Headers[HeaderKeys.XAmzSecurityTokenHeader] = credentials.Token;
        }
        // The signer reads only the signing region and service from the client config; AmazonS3Config is the one
        // concrete ClientConfig available without the service packages, and both values are overridden here.
        var config = new AmazonS3Config { AuthenticationRegion = region, AuthenticationServiceName = signingService };
        request.OverrideSigningServiceName = signingService;
        var result = signer.SignRequest(request, config, metrics: null, credentials.AccessKey, credentials.SecretKey);
        request.Headers[HeaderKeys.AuthorizationHeader] = result.ForAuthorizationHeader;
        foreach (var (name, value) in request.Headers)
        {
            if (IsContentHeader(name))
            {
                continue;
            }
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private static bool IsContentHeader(string name) =>
        name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase);

    private sealed class SignableRequest : AmazonWebServiceRequest;
}
