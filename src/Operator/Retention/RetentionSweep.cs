using KafkaRecon.Entities;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Retention;

/// <summary>
/// One retention pass for a resource (<c>spec.retention.keepRuns</c>): lists <c>&lt;output&gt;/runs</c> once, picks
/// the expired runs (<see cref="RetentionPolicy"/>), and for each drops its catalog tables (engine aws) and then
/// deletes its folder. Reports under <c>&lt;output&gt;/results/</c> are never touched: they are small and the audit
/// trail. A run whose tables could not be dropped keeps its data, so the next pass finds it again.
/// </summary>
internal sealed class RetentionSweep(IObjectStore store, IRunCatalogTables? catalog, TimeProvider time)
{
    public async Task<RetentionResult?> ApplyAsync(
        KafkaReconciliationSpec spec, string resourceName, string currentRunId, CancellationToken cancellationToken)
    {
        if (spec.Retention.KeepRunsSpan() is not { } keep)
        {
            return null;
        }
        var runs = RunLayout.Join(spec.Output.Location, "runs");
        var isS3 = ObjectStoreLocation.IsS3(runs);
        if (!isS3)
        {
            runs = Path.GetFullPath(runs);
            if (!Directory.Exists(runs))
            {
                return new RetentionResult(keep, runs, 0, 0, 0, []);
            }
            if (new DirectoryInfo(runs).LinkTarget is not null)
            {
                return new RetentionResult(keep, runs, 0, 0, 0,
                    [$"'{runs}' is a symbolic link; retention deletes only inside a real runs folder"]);
            }
        }
        var listed = new List<StoredObject>();
        await foreach (var item in store.ListAsync(runs, cancellationToken))
        {
            listed.Add(item);
        }
        var expired = RetentionPolicy.Expired(
            RunFolders.Group(runs, listed), resourceName, currentRunId, time.GetUtcNow(), keep);
        int deletedRuns = 0, deletedObjects = 0, droppedTables = 0;
        var errors = new List<string>();
        foreach (var run in expired)
        {
            try
            {
                if (spec.Engine == EngineKind.Aws && catalog is not null && spec.Query.Database is { } database)
                {
                    droppedTables += await catalog.DropAsync(database, run.RunId, cancellationToken);
                }
                deletedObjects += await DeleteFolderAsync(runs, run, isS3, cancellationToken);
                deletedRuns++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add($"{run.RunId}: {e.Message}");
            }
        }
        return new RetentionResult(keep, runs, deletedRuns, deletedObjects, droppedTables, errors);
    }

    private async Task<int> DeleteFolderAsync(string runs, RunFolder run, bool isS3, CancellationToken cancellationToken)
    {
        var folder = RunLayout.Join(runs, run.RunId);
        if (run.Objects.FirstOrDefault(o => !RetentionScope.IsInside(folder, o.Location)) is { } outside)
        {
            throw new IOException($"'{outside.Location}' is not inside '{folder}'; the run is not deleted.");
        }
        if (!isS3)
        {
            return LocalRunFolderRemover.Remove(runs, folder, cancellationToken);
        }
        await store.DeleteAsync(run.Objects.Select(o => o.Location).ToList(), cancellationToken);
        return run.Objects.Count;
    }
}
