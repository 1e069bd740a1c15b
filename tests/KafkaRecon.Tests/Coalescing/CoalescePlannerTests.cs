using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Coalescing;

public sealed class CoalescePlannerTests
{
    private static readonly DateTimeOffset Written = new(2024, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private static StoredObject K2hb(string folder, string topic, int partition, long start, long size, DateTimeOffset? at = null) =>
        new($"{folder}/{topic}_{partition}_{start}-{topic}_{partition}_{start + 9}.txt", size, at ?? Written);

    private static CoalescePlan PlanImport(IEnumerable<StoredObject> objects, int maxFiles = 1000, long maxBytes = 1_000_000, int? partition = null) =>
        CoalescePlanner.Plan(objects, ManifestNamings.Import, new CoalesceLimits(maxFiles, maxBytes), partition);

    [Fact]
    public void Batch_closes_when_its_file_count_reaches_max_files()
    {
        var objects = Enumerable.Range(0, 7).Select(i => K2hb("/m", "t", 0, i * 10, 10));

        var plan = PlanImport(objects, maxFiles: 3);

        Assert.Equal([3, 3], plan.Batches.Select(b => b.Members.Count));
        Assert.Equal(1, plan.SingleFilesSkipped);
    }

    [Fact]
    public void Batch_closes_once_cumulative_size_reaches_max_bytes()
    {
        long[] sizes = [40, 50, 20, 100, 5, 5];
        var objects = sizes.Select((size, i) => K2hb("/m", "t", 0, i * 10, size));

        var plan = PlanImport(objects, maxBytes: 100);

        // 40+50+20 >= 100 closes the first; 100 alone closes (and is skipped); 5+5 remain.
        Assert.Equal([[0, 10, 20], [40, 50]],
            plan.Batches.Select(b => b.Members.Select(m => m.Key.Order.First).ToArray()).ToArray());
        Assert.Equal(1, plan.SingleFilesSkipped);
    }

    [Fact]
    public void Files_are_grouped_by_folder_topic_and_partition_and_sorted_by_start_offset()
    {
        StoredObject[] objects =
        [
            K2hb("/m/a", "t", 0, 200, 1), K2hb("/m/a", "t", 0, 30, 1), K2hb("/m/a", "t", 0, 1000, 1),
            K2hb("/m/a", "t", 1, 0, 1), K2hb("/m/a", "t", 1, 10, 1),
            K2hb("/m/b", "t", 0, 0, 1), K2hb("/m/b", "t", 0, 10, 1),
            K2hb("/m/a", "u", 0, 0, 1),
        ];

        var plan = PlanImport(objects);

        Assert.Equal(
            ["/m/a/t_0_30-39_1000-1009_coalesced_3.txt", "/m/a/t_1_0-9_10-19_coalesced_2.txt", "/m/b/t_0_0-9_10-19_coalesced_2.txt"],
            plan.Batches.Select(b => b.Target).Order(StringComparer.Ordinal));
        Assert.Equal([30, 200, 1000], plan.Batches.Single(b => b.Target.StartsWith("/m/a/t_0")).Members.Select(m => m.Key.Order.First));
        Assert.Equal(1, plan.SingleFilesSkipped);
    }

    [Fact]
    public void A_partition_limits_the_plan_to_that_partitions_files()
    {
        StoredObject[] objects = [.. Enumerable.Range(0, 4).SelectMany(i => new[] { K2hb("/m", "t", 0, i * 10, 1), K2hb("/m", "t", 1, i * 10, 1) })];

        var plan = PlanImport(objects, partition: 1);

        Assert.All(plan.Batches.SelectMany(b => b.Members), m => Assert.Equal(1, m.Key.Partition));
        Assert.Equal(4, plan.Batches.Single().Members.Count);
    }

    [Fact]
    public void Merged_files_and_foreign_names_are_never_batched_again()
    {
        StoredObject[] objects =
        [
            new("/m/t_0_0-9_90-99_coalesced_10.txt", 500, Written),
            new("/m/readme.txt", 5, Written),
            new("/m/t_0_100-t_0_109.txt.gz", 5, Written),
            K2hb("/m", "t", 0, 200, 1), K2hb("/m", "t", 0, 210, 1),
        ];

        var plan = PlanImport(objects);

        Assert.Equal(["/m/t_0_200-t_0_209.txt", "/m/t_0_210-t_0_219.txt"], plan.Batches.Single().Members.Select(m => m.Location));
        Assert.Empty(plan.Completions);
    }

    [Fact]
    public void Originals_an_earlier_merged_file_was_made_from_are_left_for_completion_not_merged_again()
    {
        StoredObject[] objects =
        [
            new("/m/t_0_0-9_20-29_coalesced_3.txt", 500, Written),
            K2hb("/m", "t", 0, 10, 1, Written.AddMinutes(-5)), K2hb("/m", "t", 0, 20, 1, Written.AddMinutes(-5)),
            // Inside the range but written after the merged file: a new original, never deleted on its account.
            K2hb("/m", "t", 0, 0, 1, Written.AddMinutes(5)),
            K2hb("/m", "t", 0, 30, 1),
        ];

        var plan = PlanImport(objects);

        var completion = Assert.Single(plan.Completions);
        Assert.Equal([10, 20], completion.Leftovers.Select(l => l.Key.Order.First));
        Assert.Equal([0, 30], plan.Batches.Single().Members.Select(m => m.Key.Order.First));
    }

    [Fact]
    public void Export_files_of_a_folder_form_one_group_ordered_by_topic_then_numbers()
    {
        StoredObject[] objects =
        [
            new("/e/db.b-000-255-000002.csv", 1, Written), new("/e/db.b-000-255-000010.csv", 1, Written),
            new("/e/db.a-128-255-000001.csv", 1, Written), new("/e/db.a-000-127-000001.csv", 1, Written),
        ];

        var plan = CoalescePlanner.Plan(objects, ManifestNamings.Export, new CoalesceLimits(10, 1000), null);

        var batch = Assert.Single(plan.Batches);
        Assert.Equal(
            ["/e/db.a-000-127-000001.csv", "/e/db.a-128-255-000001.csv", "/e/db.b-000-255-000002.csv", "/e/db.b-000-255-000010.csv"],
            batch.Members.Select(m => m.Location));
        Assert.Equal("/e/db.a-000-127-000001_db.b-000-255-000010_coalesced_4.csv", batch.Target);
    }
}
