using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// Decides, from a listing alone, what one side's coalesce does (reference §2.2, with crash recovery): originals are
/// grouped by folder and name group, sorted, and cut into consecutive batches closed once the count or the cumulative
/// size reaches its limit; single-file batches are skipped. Originals that an earlier merged file was made from (inside
/// its range and not newer than it) are not merged again: their deletion is finished instead.
/// </summary>
internal static class CoalescePlanner
{
    /// <param name="modifiedBefore">
    /// Originals modified at or after this instant are too young to merge (a writer may still append to them). They
    /// also close the batch before them, so no merged file's name range ever covers an original it does not hold.
    /// </param>
    /// <param name="isMemberOf">
    /// Whether an original lying in an earlier merged file's range was one of its members: by default, when it is not
    /// newer than the merged file; exactly, where the merged file's <see cref="MemberIndex"/> was read.
    /// </param>
    public static CoalescePlan Plan(
        IEnumerable<StoredObject> objects, IManifestNaming naming, CoalesceLimits limits, int? partition,
        DateTimeOffset? modifiedBefore = null, Func<MergedFile, ManifestFile, bool?>? isMemberOf = null)
    {
        var originals = new List<ManifestFile>();
        var merged = new List<MergedFile>();
        var folder = "";
        foreach (var stored in objects)
        {
            var name = ObjectPath.Name(stored.Location, out var folderPart);
            // Listings come folder by folder: one folder string for all its files, not one each.
            if (!folderPart.SequenceEqual(folder))
            {
                folder = folderPart.ToString();
            }
            if (naming.ParseOriginal(name) is { } key)
            {
                if (partition is null || key.Partition == partition)
                {
                    originals.Add(new ManifestFile(stored, folder, key));
                }
            }
            else if (naming.ParseMerged(name) is { } mergedKey
                     && (partition is null || mergedKey.Partition == partition))
            {
                merged.Add(new MergedFile(stored, folder, mergedKey));
            }
        }

        var completions = new List<PendingCompletion>();
        var batches = new List<MergeBatch>();
        var singles = 0;
        var mergedByGroup = merged.ToLookup(m => (m.Folder, m.Key.Group));
        foreach (var group in originals.GroupBy(o => (o.Folder, o.Key.Group)).OrderBy(g => g.Key.Folder, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.Group, StringComparer.Ordinal))
        {
            var pending = group.ToList();
            pending.Sort(InGroupOrder);
            foreach (var earlier in mergedByGroup[group.Key].OrderBy(m => m.Location, StringComparer.Ordinal))
            {
                var leftovers = pending.Where(o => naming.Covers(earlier.Key, o.Key)
                    && (isMemberOf?.Invoke(earlier, o) ?? IsNotNewer(earlier, o))).ToList();
                if (leftovers.Count > 0)
                {
                    completions.Add(new PendingCompletion(earlier, leftovers));
                    var taken = leftovers.ToHashSet();
                    pending.RemoveAll(taken.Contains);
                }
            }
            foreach (var members in Cut(pending, limits, file => IsYoung(file, modifiedBefore)))
            {
                if (members.Count < 2)
                {
                    singles += members.Count;
                    continue;
                }
                var target = ObjectPath.Sibling(
                    members[0].Location, naming.MergedName(members[0].Key, members[^1].Key, members.Count));
                batches.Add(new MergeBatch(target, members));
            }
        }
        return new CoalescePlan(completions, batches, singles)
        {
            YoungFilesSkipped = originals.Count(o => IsYoung(o, modifiedBefore)),
        };
    }

    private static int InGroupOrder(ManifestFile left, ManifestFile right)
    {
        var byOrder = left.Key.Order.CompareTo(right.Key.Order);
        return byOrder != 0 ? byOrder : string.CompareOrdinal(left.Location, right.Location);
    }

    private static bool IsNotNewer(MergedFile merged, ManifestFile original) =>
        original.Object.LastModified <= merged.Object.LastModified;

    private static bool IsYoung(ManifestFile file, DateTimeOffset? modifiedBefore) =>
        modifiedBefore is { } cutoff && file.Object.LastModified >= cutoff;

    private static IEnumerable<List<ManifestFile>> Cut(List<ManifestFile> sorted, CoalesceLimits limits, Func<ManifestFile, bool> isYoung)
    {
        var batch = new List<ManifestFile>();
        long bytes = 0;
        foreach (var file in sorted)
        {
            if (isYoung(file))
            {
                // Left out, and the batch closed before it: a merged name's range must not span an unmerged original.
                if (batch.Count > 0)
                {
                    yield return batch;
                    batch = [];
                    bytes = 0;
                }
                continue;
            }
            batch.Add(file);
            bytes += file.Object.Size;
            if (batch.Count >= limits.MaxFiles || bytes >= limits.MaxBytes)
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
