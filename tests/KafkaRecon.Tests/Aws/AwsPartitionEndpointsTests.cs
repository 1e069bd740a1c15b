using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Tests.Aws;

public sealed class AwsPartitionEndpointsTests
{
    [Theory]
    [InlineData("eu-west-2", "https://glue.eu-west-2.amazonaws.com/")]
    [InlineData("cn-north-1", "https://glue.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-northwest-1", "https://glue.cn-northwest-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", "https://glue.us-gov-west-1.amazonaws.com/")]
    [InlineData("us-iso-east-1", "https://glue.us-iso-east-1.c2s.ic.gov/")]
    [InlineData("us-isob-east-1", "https://glue.us-isob-east-1.sc2s.sgov.gov/")]
    public void Public_endpoint_uses_the_dns_suffix_of_the_region_partition(string region, string expected) =>
        Assert.Equal(new Uri(expected), new AwsOptions { Region = region }.ServiceUrl("glue"));

    [Fact]
    public void Configured_endpoint_wins_over_the_partition() =>
        Assert.Equal(
            new Uri("http://127.0.0.1:5000/"),
            new AwsOptions { Region = "cn-north-1", Endpoint = new Uri("http://127.0.0.1:5000/") }.ServiceUrl("batch"));
}
