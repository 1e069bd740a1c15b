using KafkaRecon.Operator.Kubernetes.Store;
using static KafkaRecon.Tests.Kubernetes.Support.Resources;

namespace KafkaRecon.Tests.Kubernetes.Store;

public sealed class OwnWritesTests
{
    private readonly OwnWrites ownWrites = new();

    [Fact]
    public void Only_the_latest_versions_of_a_resource_are_remembered()
    {
        var versions = Enumerable.Range(1, OwnWrites.RememberedPerResource + 2).Select(v => v.ToString()).ToList();
        foreach (var version in versions)
        {
            ownWrites.Record(SampleResource("ns", "a", version));
        }

        Assert.False(ownWrites.IsEcho(SampleResource("ns", "a", versions[0])));
        Assert.False(ownWrites.IsEcho(SampleResource("ns", "a", versions[1])));
        Assert.All(versions.Skip(2), version => Assert.True(ownWrites.IsEcho(SampleResource("ns", "a", version))));
        Assert.Equal(0, ownWrites.Count);
    }

    [Fact]
    public void Versions_are_kept_per_resource()
    {
        ownWrites.Record(SampleResource("ns", "a", "5"));

        Assert.False(ownWrites.IsEcho(SampleResource("ns", "b", "5")));
        Assert.False(ownWrites.IsEcho(SampleResource("other", "a", "5")));
        Assert.True(ownWrites.IsEcho(SampleResource("ns", "a", "5")));
    }

    [Fact]
    public void An_object_without_a_version_is_never_an_echo()
    {
        ownWrites.Record(SampleResource("ns", "a", ""));

        Assert.Equal(0, ownWrites.Count);
        Assert.False(ownWrites.IsEcho(SampleResource("ns", "a", "")));
    }
}
