using Amazon.S3;

namespace KafkaRecon.Operator.Aws;

/// <summary>The AWS clients of one process, sharing options, credentials, one HttpClient and one call observer.</summary>
internal sealed class AwsClients : IDisposable
{
    private readonly HttpClient http;

    public AwsClients(AwsOptions options, IAwsCallObserver? observer = null, TimeProvider? timeProvider = null)
    {
        Options = options;
        Credentials = new AwsCredentialSource(options);
        // Per-attempt timeouts come from the retry pipeline; the HttpClient itself must not cut requests short.
        http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        AwsJsonTransport Transport(AwsService service) =>
            new(service, options, Credentials, http, observer, timeProvider);
        Athena = new AthenaClient(Transport(AwsService.Athena));
        Glue = new GlueClient(Transport(AwsService.Glue));
        Batch = new BatchClient(Transport(AwsService.Batch));
        s3 = new Lazy<IAmazonS3>(CreateS3);
    }

    private readonly Lazy<IAmazonS3> s3;

    public AwsOptions Options { get; }
    public AwsCredentialSource Credentials { get; }
    public AthenaClient Athena { get; }
    public GlueClient Glue { get; }
    public BatchClient Batch { get; }
    public IAmazonS3 S3 => s3.Value;

    private IAmazonS3 CreateS3()
    {
        var config = new AmazonS3Config
        {
            RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(Options.Region),
            Timeout = Options.RequestTimeout,
            MaxErrorRetry = Options.MaxRetryAttempts,
            ClientAppId = "kafka-recon",
        };
        if (Options.Endpoint is not null)
        {
            config.ServiceURL = Options.Endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = Options.Region;
            // Emulators lag behind the SDK's default flexible checksums; send them only where S3 requires them.
            config.RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED;
        }
        return new AmazonS3Client(Credentials.GetAsync().GetAwaiter().GetResult(), config);
    }

    public void Dispose()
    {
        if (s3.IsValueCreated)
        {
            s3.Value.Dispose();
        }
        http.Dispose();
    }
}
