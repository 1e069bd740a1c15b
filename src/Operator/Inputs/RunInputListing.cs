using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Inputs;

/// <summary>
/// The run's one listing of both manifest locations: what the engine reads, what the status reports, and (with the
/// spec) the fingerprint the run's results are kept under.
/// </summary>
internal sealed record RunInputListing(InputList Import, InputList Export, string Fingerprint)
{
    public const string ImportField = "spec.manifests.importLocation";
    public const string ExportField = "spec.manifests.exportLocation";

    public RunInputs Status => new() { Import = Import.Totals, Export = Export.Totals, Fingerprint = Fingerprint };

    public string RunId(string runId) => RunFingerprint.RunId(runId, Fingerprint);

    public static async Task<RunInputListing> ListAsync(
        IObjectStore store, PhaseContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var manifests = context.Spec.Manifests;
        var listing = new InputListing(store);
        var import = await listing.ListAsync(
            Rule(manifests.ImportLocation, ImportField, context, now), cancellationToken);
        var export = await listing.ListAsync(
            Rule(manifests.ExportLocation, ExportField, context, now), cancellationToken);
        return new RunInputListing(import, export, RunFingerprint.Of(context.Spec, context.Window, import, export));
    }

    private static InputRule Rule(string location, string field, PhaseContext context, DateTimeOffset now)
    {
        if (!ObjectStoreLocation.IsS3(location) && !Directory.Exists(location) && !File.Exists(location))
        {
            throw new InputLocationException($"{field} '{location}' does not exist; expected a folder of manifests.");
        }
        return InputRule.For(location, field, context.Spec.Manifests, context.Window, now);
    }
}
