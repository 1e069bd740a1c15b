using KafkaRecon.Entities;
using DuckDB.NET.Data;
using KafkaRecon.Operator.Inputs;
using KafkaRecon.Operator.Manifests;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Runs the comparison ETL (<see cref="ComparisonSql"/>) in-process on DuckDB and writes the four result tables as
/// Parquet into the run folder. Each raw manifest is scanned into its de-duplicated side and joined with the other in
/// one statement (spilling under the scratch folder beyond the memory limit); only the differing ids and the
/// per-collection sums leave it, and the text is read a second time for the differing ids' latest lines only. Lines DuckDB cannot read are set
/// aside as rejected lines only after it failed on them (<see cref="ManifestAudit"/>). A run whose tables are already
/// published under the same fingerprint (<see cref="RunFingerprint"/>: the spec fields that shape the comparison and
/// the run's input listing) succeeds at once; any change gives a new run folder. For an s3:// output location the tables are built in a <see cref="LocalWorkspace"/>
/// and then uploaded (<see cref="S3ResultTables"/>).
/// </summary>
internal sealed class DuckDbTransformer(IObjectStore store, TimeProvider? time = null) : ITransformer
{
    public const string ImportField = RunInputListing.ImportField;
    public const string ExportField = RunInputListing.ExportField;

    public async Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        RunInputListing inputs;
        try
        {
            inputs = await RunInputListing.ListAsync(store, context, (time ?? TimeProvider.System).GetUtcNow(), cancellationToken);
        }
        catch (InputLocationException exception)
        {
            return PhaseObservation.Failed(PhaseFailure.ManifestsUnreadable, exception.Message, retryable: false);
        }
        context = context with { RunId = await RunIdAsync(context, inputs, cancellationToken) };
        var observation = await StartListedAsync(context, inputs, cancellationToken);
        return observation with { RunId = context.RunId, Inputs = inputs.Status };
    }

    /// <summary>
    /// The run's own id, unless that folder holds results published under another fingerprint (a changed spec or
    /// input listing): those are kept, and the fresh results go to the id carrying this fingerprint.
    /// </summary>
    private async Task<string> RunIdAsync(PhaseContext context, RunInputListing inputs, CancellationToken cancellationToken)
    {
        var plain = RunFingerprint.BaseRunId(context.RunId);
        var layout = new RunLayout(context.Spec.Output.Location, plain);
        var published = await PublishedFingerprintAsync(layout, cancellationToken);
        return published is null || published == inputs.Fingerprint ? plain : inputs.RunId(plain);
    }

    /// <summary>The fingerprint of the tables published under <paramref name="layout"/>; null when there are none.</summary>
    private async Task<string?> PublishedFingerprintAsync(RunLayout layout, CancellationToken cancellationToken)
    {
        if (!ObjectStoreLocation.IsS3(layout.OutputLocation))
        {
            var local = new ResultTableFolder(layout);
            return local.IsComplete ? local.Fingerprint : null;
        }
        var remote = new S3ResultTables(store, layout);
        return await remote.IsCompleteAsync(cancellationToken) ? await remote.FingerprintAsync(cancellationToken) : null;
    }

    private async Task<PhaseObservation> StartListedAsync(
        PhaseContext context, RunInputListing inputs, CancellationToken cancellationToken)
    {
        var layout = context.Layout;
        var workspace = LocalWorkspace.For(layout);
        var remote = workspace.IsTemporary ? new S3ResultTables(store, layout) : null;
        if (await PublishedAsync(layout, remote, cancellationToken) is { } published)
        {
            return PhaseObservation.Succeeded(published);
        }
        DuckDbSettings settings;
        try
        {
            settings = DuckDbSettings.From(context.Spec.Transform, Path.Combine(workspace.Scratch, "duckdb"));
        }
        catch (ArgumentException exception)
        {
            return PhaseObservation.Failed(PhaseFailure.InvalidSpec, exception.Message, retryable: false);
        }
        var tables = new ResultTableFolder(workspace.Layout);
        try
        {
            workspace.Clear();
            await RunAsync(context, inputs, workspace, settings, tables, cancellationToken);
            return remote is null
                ? PhaseObservation.Succeeded(tables.Final)
                : await UploadAsync(remote, tables, cancellationToken);
        }
        catch (ManifestSourceException exception)
        {
            return PhaseObservation.Failed(PhaseFailure.ManifestsUnreadable, exception.Message, retryable: false);
        }
        catch (MalformedManifestException exception)
        {
            return PhaseObservation.Failed(PhaseFailure.ManifestsMalformed, exception.Message, retryable: false);
        }
        catch (DuckDBException exception) when (!cancellationToken.IsCancellationRequested && IsInputError(exception))
        {
            return PhaseObservation.Failed(PhaseFailure.ManifestsMalformed,
                $"A manifest could not be parsed as 8 pipe-separated fields: {exception.Message}", retryable: false);
        }
        catch (DuckDBException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return PhaseObservation.Failed(PhaseFailure.TransformFailed, $"DuckDB failed: {exception.Message}");
        }
        catch (IOException exception)
        {
            return PhaseObservation.Failed(PhaseFailure.TransformFailed, $"Writing the result tables failed: {exception.Message}");
        }
        finally
        {
            LocalWorkspace.DeleteScratch(settings.TempDirectory);
            workspace.Clear();
        }
    }

    /// <summary>The work runs inside <see cref="StartAsync"/>; finding no published tables means it was interrupted.</summary>
    public async Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var layout = context.Layout;
        var remote = ObjectStoreLocation.IsS3(layout.OutputLocation) ? new S3ResultTables(store, layout) : null;
        return await PublishedAsync(layout, remote, cancellationToken) is { } published
            ? PhaseObservation.Succeeded(published)
            : PhaseObservation.Failed(PhaseFailure.TransformInterrupted,
                $"No complete result tables under '{remote?.Location ?? new ResultTableFolder(layout).Final}'; " +
                "the in-process transform stopped before finishing.");
    }

    /// <summary>Where the run's complete tables are, or null when they are not (all) published yet.</summary>
    private static async Task<string?> PublishedAsync(
        RunLayout layout, S3ResultTables? remote, CancellationToken cancellationToken)
    {
        if (remote is not null)
        {
            return await remote.IsCompleteAsync(cancellationToken) ? remote.Location : null;
        }
        var tables = new ResultTableFolder(layout);
        return tables.IsComplete ? tables.Final : null;
    }

    private static async Task<PhaseObservation> UploadAsync(
        S3ResultTables remote, ResultTableFolder tables, CancellationToken cancellationToken)
    {
        try
        {
            await remote.UploadAsync(tables, cancellationToken);
            return PhaseObservation.Succeeded(remote.Location);
        }
        catch (Exception exception) when (StorageFailure.Is(exception, cancellationToken))
        {
            return PhaseObservation.Failed(PhaseFailure.OutputUploadFailed,
                $"Uploading the result tables to '{remote.Location}' (spec.output.location) failed: " +
                $"{exception.Message}; they are not marked complete, so the next attempt uploads them again.");
        }
    }

    /// <summary>
    /// In-process work stops with the cancellation token of <see cref="StartAsync"/>. The local working copy of an
    /// s3:// run goes too: a process killed mid-run leaves it behind, and a run that is deleted, changed or timed out
    /// is never started again to clear it, so it would hold the temp volume until the pod goes.
    /// </summary>
    public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        LocalWorkspace.For(context.Layout).Clear();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs the steps on the manifests as they are. Only when DuckDB fails, or a file's last line is longer than DuckDB
    /// reads without dropping it, does <see cref="ManifestAudit"/> read the input, set aside the lines it cannot read
    /// and run the steps again on cleaned copies; if DuckDB still fails, or nothing was set aside after a failure, the
    /// run fails as before (never silently succeeds).
    /// </summary>
    private async Task RunAsync(
        PhaseContext context, RunInputListing inputs, LocalWorkspace workspace, DuckDbSettings settings,
        ResultTableFolder tables, CancellationToken cancellationToken)
    {
        var staged = Path.Combine(workspace.Scratch, "manifests");
        try
        {
            var import = await StageAsync(ComparisonSql.ImportSide, inputs.Import, Path.Combine(staged, "import"), cancellationToken);
            var export = await StageAsync(ComparisonSql.ExportSide, inputs.Export, Path.Combine(staged, "export"), cancellationToken);
            DuckDBException? failure = null;
            if (!HasOversizedLastLine(import, export))
            {
                try
                {
                    await ComputeAsync(context, settings, import, export, null, tables, inputs.Fingerprint, cancellationToken);
                    return;
                }
                catch (DuckDBException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = exception;
                }
            }
            await ComputeAfterAuditAsync(context, settings, import, export, Path.Combine(staged, "audited"), tables,
                inputs.Fingerprint, failure, cancellationToken);
        }
        finally
        {
            LocalWorkspace.DeleteScratch(staged);
        }
    }

    /// <summary>
    /// Sets aside the lines the audit cannot read and runs the steps on cleaned copies. With nothing set aside, the
    /// first attempt's failure stands (or, when there was none, the steps run on the files as they are).
    /// </summary>
    private static async Task ComputeAfterAuditAsync(
        PhaseContext context, DuckDbSettings settings, ManifestFiles import, ManifestFiles export, string auditFolder,
        ResultTableFolder tables, string fingerprint, DuckDBException? failure, CancellationToken cancellationToken)
    {
        var auditor = new ManifestAudit(auditFolder);
        var audit = await Task.Run(() => auditor.Run([import, export], cancellationToken), cancellationToken);
        if (audit.Count == 0)
        {
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }
            await ComputeAsync(context, settings, import, export, null, tables, fingerprint, cancellationToken);
            return;
        }
        try
        {
            await ComputeAsync(context, settings, audit.Sides[0], audit.Sides[1], auditor.LinesFile, tables,
                fingerprint, cancellationToken);
        }
        catch (DuckDBException again) when (!cancellationToken.IsCancellationRequested && IsInputError(again))
        {
            throw new MalformedManifestException(
                $"{audit.Count} line(s) that are not 8 pipe-separated UTF-8 fields were set aside (the first: " +
                $"{audit.First}), but DuckDB still cannot read the rest: {again.Message}");
        }
    }

    /// <summary>One attempt at the steps, in a session of its own (a failed DuckDB session may be unusable).</summary>
    private static async Task ComputeAsync(
        PhaseContext context, DuckDbSettings settings, ManifestFiles import, ManifestFiles export, string? unreadableLines,
        ResultTableFolder tables, string fingerprint, CancellationToken cancellationToken)
    {
        using var session = DuckDbSession.Open(settings);
        DuckDbManifestSource.Register(session, ComparisonSql.ImportRaw, import, ImportField, cancellationToken);
        DuckDbManifestSource.Register(session, ComparisonSql.ExportRaw, export, ExportField, cancellationToken);
        UnreadableLinesRelation.Register(session, unreadableLines, cancellationToken);
        await ExecuteStepsAsync(context, session, tables, fingerprint, cancellationToken);
    }

    /// <summary>
    /// DuckDB reads local files only, so listed s3:// manifests (and only those) are first copied below the run's
    /// scratch folder, keeping their paths below the location, and shown under their s3:// names; local files are
    /// read where they are.
    /// </summary>
    private async Task<ManifestFiles> StageAsync(string side, InputList list, string folder, CancellationToken cancellationToken)
    {
        if (!ObjectStoreLocation.IsS3(list.Rule.Location))
        {
            return ManifestFiles.Local(side, list.Locations);
        }
        Directory.CreateDirectory(folder);
        var paths = await new S3Staging(store, new LocalObjectStore())
            .DownloadAsync(list.Rule.Location, list.Files, folder, cancellationToken);
        var prefix = list.Rule.Location.TrimEnd('/');
        // A location naming one object is staged under the object's name, not below it.
        var single = list.Files.Count == 1 && list.Files[0].Location == prefix ? [(paths[0], prefix)] : Array.Empty<(string, string)>();
        return new ManifestFiles(side, paths, [.. single, (folder + Path.DirectorySeparatorChar, prefix + "/")]);
    }

    private static async Task ExecuteStepsAsync(
        PhaseContext context, DuckDbSession session, ResultTableFolder tables, string fingerprint,
        CancellationToken cancellationToken)
    {
        var parameters = ComparisonSql.Parameters(
            IdentifierQuoting.DoubleQuotes, context.Window.Start, context.Window.End, context.Window.MarginMinutes,
            context.Spec.Comparison.DatabaseNames);
        var staging = tables.BeginStaging();
        await Task.Run(() =>
        {
            foreach (var step in ComparisonSql.Steps)
            {
                session.Execute(Statement(step, parameters, staging), cancellationToken);
                foreach (var released in step.Releases)
                {
                    session.Execute($"DROP TABLE IF EXISTS {released}", cancellationToken);
                }
            }
        }, cancellationToken);
        tables.Publish(staging, fingerprint);
    }

    private static string Statement(ComparisonStep step, SqlParameters parameters, string staging) =>
        Statement(step, step.Render(parameters), staging);

    /// <summary>The DuckDB statement keeping <paramref name="select"/> as <paramref name="step"/>'s kind asks.</summary>
    internal static string Statement(ComparisonStep step, string select, string staging) => step.Kind switch
    {
        ComparisonStepKind.View => $"CREATE OR REPLACE TEMP VIEW {step.Name} AS {select}",
        ComparisonStepKind.Shared => $"CREATE OR REPLACE TEMP TABLE {step.Name} AS {select}",
        _ => $"COPY ({select}) TO {DuckDbLiteral.String(ResultTableFolder.TableFile(staging, step.Name))} " +
             "(FORMAT PARQUET, COMPRESSION SNAPPY)",
    };

    /// <summary>
    /// A last line longer than a record may be is dropped by DuckDB without an error (<see cref="ManifestTail"/>), so
    /// such input goes straight to the audit, which counts it.
    /// </summary>
    private static bool HasOversizedLastLine(ManifestFiles import, ManifestFiles export) =>
        import.Paths.Concat(export.Paths).Any(path => ManifestTail.LastLineExceeds(path, ManifestRecordReader.MaxRecordBytes));

    private static bool IsInputError(DuckDBException exception) =>
        exception.Message.Contains("CSV", StringComparison.OrdinalIgnoreCase);
}
