using KafkaRecon.Operator.Coalescing;

namespace KafkaRecon.Tests.Coalescing;

public sealed class ManifestNamingTests
{
    [Theory]
    [InlineData("db.core.claimant_3_100-db.core.claimant_3_199.txt", "db.core.claimant", 3, 100, 199)]
    [InlineData("db.agent-core.agent_To_Do_0_5-db.agent-core.agent_To_Do_0_5.txt", "db.agent-core.agent_To_Do", 0, 5, 5)]
    public void K2hb_original_names_are_parsed(string name, string topic, int partition, long start, long end)
    {
        var key = ManifestNamings.Import.ParseOriginal(name);
        Assert.NotNull(key);
        Assert.Equal(new ManifestOrder(topic, start, end, 0), key.Value.Order);
        Assert.Equal(partition, key.Value.Partition);
    }

    [Theory]
    [InlineData("db.core.claimant_3_100-db.core.claimant_3_199.txt.gz")]
    [InlineData("db.core.claimant-000-255-000001.csv")]
    [InlineData("notes.txt")]
    public void Names_that_are_not_k2hb_originals_are_ignored(string name) =>
        Assert.Null(ManifestNamings.Import.ParseOriginal(name));

    [Fact]
    public void Merged_k2hb_name_is_never_taken_for_an_original_and_reads_back()
    {
        var naming = ManifestNamings.Import;
        var first = naming.ParseOriginal("db.a-b.c_d_7_100-db.a-b.c_d_7_199.txt")!.Value;
        var last = naming.ParseOriginal("db.a-b.c_d_7_900-db.a-b.c_d_7_999.txt")!.Value;

        var name = naming.MergedName(first, last, 9);

        Assert.Equal("db.a-b.c_d_7_100-199_900-999_coalesced_9.txt", name);
        Assert.Null(naming.ParseOriginal(name));
        var merged = naming.ParseMerged(name)!.Value;
        Assert.Equal(9, merged.MemberCount);
        Assert.Equal(first.Group, merged.Group);
        Assert.True(naming.Covers(merged, first));
        Assert.True(naming.Covers(merged, last));
        Assert.False(naming.Covers(merged, naming.ParseOriginal("db.a-b.c_d_7_1000-db.a-b.c_d_7_1099.txt")!.Value));
    }

    [Fact]
    public void Merged_htme_name_is_never_taken_for_an_original_and_reads_back()
    {
        var naming = ManifestNamings.Export;
        var first = naming.ParseOriginal("db.agent-core.agent-000-127-000001.csv")!.Value;
        var last = naming.ParseOriginal("db.core.to.do-128-255-000004.csv")!.Value;

        var name = naming.MergedName(first, last, 12);

        Assert.Equal("db.agent-core.agent-000-127-000001_db.core.to.do-128-255-000004_coalesced_12.csv", name);
        Assert.Null(naming.ParseOriginal(name));
        Assert.Null(ManifestNamings.Import.ParseOriginal(name));
        var merged = naming.ParseMerged(name)!.Value;
        Assert.Equal(first.Order, merged.First);
        Assert.Equal(last.Order, merged.Last);
        Assert.True(naming.Covers(merged, naming.ParseOriginal("db.b-000-001-000009.csv")!.Value));
        Assert.False(naming.Covers(merged, naming.ParseOriginal("db.zzz-000-001-000001.csv")!.Value));
    }

    [Fact]
    public void A_manifest_spanning_topics_is_covered_only_between_the_first_and_last_member()
    {
        var naming = ManifestNamings.Import;
        var first = naming.ParseOriginal("db.a_0_100-db.b_0_50.txt")!.Value;
        var last = naming.ParseOriginal("db.a_0_300-db.c_0_60.txt")!.Value;
        var merged = naming.ParseMerged(naming.MergedName(first, last, 2))!.Value;

        Assert.True(naming.Covers(merged, naming.ParseOriginal("db.a_0_200-db.a_0_55.txt")!.Value));
        // Starts after the last member although its last offset (of another topic) is smaller: not a member.
        Assert.False(naming.Covers(merged, naming.ParseOriginal("db.a_0_350-db.d_0_10.txt")!.Value));
    }

    [Fact]
    public void A_manifest_spanning_partitions_belongs_to_no_single_partition()
    {
        var key = ManifestNamings.Import.ParseOriginal("db.a_0_100-db.a_1_50.txt");

        Assert.NotNull(key);
        Assert.Null(key.Value.Partition);
    }
}
