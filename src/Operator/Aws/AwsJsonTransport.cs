using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace KafkaRecon.Operator.Aws;

/// <summary>
/// Sends one JSON operation of one AWS service: serialises, signs (SigV4, SDK signer), retries throttling, 5xx and
/// timeouts with jittered exponential backoff, bounds each attempt by a timeout and turns error answers into
/// <see cref="AwsServiceException"/>.
/// </summary>
internal sealed class AwsJsonTransport
{
    public static readonly string UserAgent =
        $"kafka-recon/{typeof(AwsJsonTransport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    private readonly AwsService service;
    private readonly Uri endpoint;
    private readonly AwsCredentialSource credentials;
    private readonly HttpClient http;
    private readonly IAwsCallObserver observer;
    private readonly AwsRequestSigner signer;
    private readonly ResiliencePipeline pipeline;

    public AwsJsonTransport(
        AwsService service, AwsOptions options, AwsCredentialSource credentials, HttpClient http,
        IAwsCallObserver? observer = null, TimeProvider? timeProvider = null)
    {
        this.service = service;
        endpoint = options.ServiceUrl(service.EndpointPrefix);
        this.credentials = credentials;
        this.http = http;
        this.observer = observer ?? NoAwsCallObserver.Instance;
        signer = new AwsRequestSigner(options.Region);
        pipeline = BuildPipeline(options, timeProvider ?? TimeProvider.System);
    }

    public AwsService Service => service;

    /// <summary>Calls <paramref name="operation"/>; <paramref name="path"/> is used by REST-JSON services only.</summary>
    public Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation, TRequest request, CancellationToken cancellationToken, string path = "/") =>
        InvokeAsync<TRequest, TResponse>(operation, request, findEarlierResult: null, cancellationToken, path);

    /// <summary>
    /// Calls an operation that creates something and takes no idempotency token (Glue StartJobRun, Batch
    /// SubmitJob). A timeout, a dropped connection or a 5xx may hide that an attempt did create it, so before every
    /// retry <paramref name="findEarlierResult"/> looks for what an earlier attempt created, and its answer ends the
    /// call instead of a second creation.
    /// </summary>
    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation, TRequest request, Func<CancellationToken, Task<TResponse?>>? findEarlierResult,
        CancellationToken cancellationToken, string path = "/")
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, service.Json);
        var attempts = 0;
        return await pipeline.ExecuteAsync(
            async token =>
            {
                if (attempts++ > 0 && findEarlierResult is not null
                    && await findEarlierResult(cancellationToken) is { } earlier)
                {
                    return earlier;
                }
                var answer = await SendOnceAsync(operation, path, body, token, cancellationToken);
                return JsonSerializer.Deserialize<TResponse>(answer, service.Json)
                    ?? throw new AwsServiceException(
                        service.Name, operation, HttpStatusCode.OK, "EmptyResponse", "The response body was empty.");
            },
            cancellationToken);
    }

    private async Task<byte[]> SendOnceAsync(
        string operation, string path, byte[] body, CancellationToken token, CancellationToken caller)
    {
        try
        {
            using var message = await CreateSignedMessageAsync(operation, path, body);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, token);
            var content = await response.Content.ReadAsByteArrayAsync(token);
            if (!response.IsSuccessStatusCode)
            {
                throw ParseError(operation, response, content);
            }
            observer.Observe(service.Name, operation, "success");
            return content.Length == 0 ? "{}"u8.ToArray() : content;
        }
        catch (AwsServiceException e)
        {
            observer.Observe(service.Name, operation, e.Kind.ToString());
            throw;
        }
        catch (HttpRequestException)
        {
            observer.Observe(service.Name, operation, "network");
            throw;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            observer.Observe(service.Name, operation, caller.IsCancellationRequested ? "cancelled" : "timeout");
            throw;
        }
    }

    private async Task<HttpRequestMessage> CreateSignedMessageAsync(string operation, string path, byte[] body)
    {
        var target = service.Protocol == AwsProtocol.AwsJson11 ? "/" : path;
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, target))
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(
            service.Protocol == AwsProtocol.AwsJson11 ? "application/x-amz-json-1.1" : "application/json");
        if (service.Protocol == AwsProtocol.AwsJson11)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Target", $"{service.TargetPrefix}.{operation}");
        }
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        signer.Sign(message, service.SigningName, body, await credentials.GetImmutableAsync());
        return message;
    }

    private AwsServiceException ParseError(string operation, HttpResponseMessage response, byte[] content)
    {
        var code = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.First() : null;
        string? text = null;
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                code ??= TryGetString(root, "__type") ?? TryGetString(root, "code");
                text = TryGetString(root, "message") ?? TryGetString(root, "Message");
            }
        }
        catch (JsonException)
        {
            text = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 500));
        }
        return new AwsServiceException(
            service.Name, operation, response.StatusCode,
            AwsErrorClassifier.NormaliseCode(code ?? $"Http{(int)response.StatusCode}"),
            string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase ?? "no message" : text);
    }

    private static string? TryGetString(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)
                && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }
        return null;
    }

    private static ResiliencePipeline BuildPipeline(AwsOptions options, TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<AwsServiceException>(e => e.IsTransient)
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(20),
            })
            .AddTimeout(options.RequestTimeout)
            .Build();
}
