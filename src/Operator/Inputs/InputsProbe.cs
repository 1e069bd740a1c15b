using KafkaRecon.Entities;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Inputs;

/// <summary>
/// Looks at a run's inputs for spec.start: lists both manifest locations the way the transform will (same
/// <see cref="InputRule"/>, so pruned and hidden files are passed over alike) and checks each marker exists.
/// A failed look is returned as an observation, never thrown: the wait decides what it means.
/// </summary>
internal sealed class InputsProbe(IObjectStore store)
{
    public async Task<InputObservation> ObserveAsync(
        KafkaReconciliationSpec spec, ResolvedWindow window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var listing = new InputListing(store);
            DateTimeOffset? newest = null;
            long files = 0;
            foreach (var (location, field) in new[]
                     {
                         (spec.Manifests.ImportLocation, RunInputListing.ImportField),
                         (spec.Manifests.ExportLocation, RunInputListing.ExportField),
                     })
            {
                if (!ObjectStoreLocation.IsS3(location) && !Directory.Exists(location) && !File.Exists(location))
                {
                    continue; // nothing written yet: no change to wait out
                }
                var list = await listing.ListAsync(InputRule.For(location, field, spec.Manifests, window, now), cancellationToken);
                files += list.Files.Count;
                foreach (var file in list.Files)
                {
                    newest = newest is { } n && n >= file.LastModified ? n : file.LastModified;
                }
            }
            var missing = new List<string>();
            foreach (var marker in spec.Start.Markers)
            {
                if (!await store.ExistsAsync(marker, cancellationToken))
                {
                    missing.Add(marker);
                }
            }
            return new InputObservation(newest, files, missing);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return InputObservation.Failed(StorageFailure.Describe(e));
        }
    }
}
