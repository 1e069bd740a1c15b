using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Inputs;

/// <summary>
/// Lists a manifest location once for a run under its <see cref="InputRule"/>: hidden names
/// (<see cref="HiddenManifestNames"/>) and symbolic links are passed over, files older than the rule's cutoff pruned,
/// and each reason counted.
/// </summary>
internal sealed class InputListing(IObjectStore store)
{
    public async Task<InputList> ListAsync(InputRule rule, CancellationToken cancellationToken)
    {
        var skips = new ListingSkips();
        var root = ObjectStoreLocation.IsS3(rule.Location) ? rule.Location : Path.GetFullPath(rule.Location);
        var files = new List<StoredObject>();
        long hidden = 0, older = 0;
        foreach (var prefix in rule.Prefixes)
        {
            await foreach (var stored in store.ListAsync(prefix, skips, cancellationToken))
            {
                if (HiddenManifestNames.IsHidden(root, stored.Location))
                {
                    hidden++;
                }
                else if (!rule.Keeps(stored.LastModified))
                {
                    older++;
                }
                else
                {
                    files.Add(stored);
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Location, b.Location));
        var totals = new InputTotals
        {
            Files = files.Count,
            Bytes = files.Sum(f => f.Size),
            SkippedOlder = older,
            SkippedHidden = hidden,
            SkippedLinks = skips.SymbolicLinks,
            SkippedFiles = older + hidden + skips.SymbolicLinks,
        };
        return new InputList(rule, files, totals);
    }
}
