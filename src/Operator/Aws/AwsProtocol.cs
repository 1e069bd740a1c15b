namespace KafkaRecon.Operator.Aws;

internal enum AwsProtocol
{
    /// <summary>POST / with <c>X-Amz-Target: Prefix.Operation</c> (Athena, Glue).</summary>
    AwsJson11,

    /// <summary>POST to an operation path such as <c>/v1/submitjob</c> (Batch).</summary>
    RestJson,
}
