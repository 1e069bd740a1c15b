namespace KafkaRecon.Tests.Aws;

/// <summary>A moto whose simple Batch fails every job at once (<c>MOTO_SIMPLE_BATCH_FAIL_AFTER=0</c>).</summary>
public sealed class FailingBatchMotoServer() : MotoServer(new Dictionary<string, string> { ["MOTO_SIMPLE_BATCH_FAIL_AFTER"] = "0" });

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}

[CollectionDefinition(Name)]
public sealed class FailingBatchMotoCollection : ICollectionFixture<FailingBatchMotoServer>
{
    public const string Name = "moto-failing-batch";
}
