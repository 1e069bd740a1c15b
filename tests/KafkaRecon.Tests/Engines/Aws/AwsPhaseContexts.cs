using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Tests.Engines.Aws;

internal static class AwsPhaseContexts
{
    public static readonly ResolvedWindow Window = new()
    {
        Start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
        End = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero),
        MarginMinutes = 2,
    };

    public static KafkaReconciliationSpec Spec(string bucket) => new()
    {
        Manifests = new ManifestsSpec
        {
            ImportLocation = $"s3://{bucket}/manifests/import",
            ExportLocation = $"s3://{bucket}/manifests/export",
        },
        Output = new OutputSpec { Location = $"s3://{bucket}/output" },
    };

    public static PhaseContext Create(KafkaReconciliationSpec spec, string phase, IReadOnlyList<string>? externalIds = null, string? uid = null)
    {
        var resourceUid = uid ?? Guid.NewGuid().ToString();
        return new PhaseContext(
            new ResourceIdentity("recon", "nightly", resourceUid),
            RunId: "nightly-20261125",
            Window,
            spec,
            Attempt: 1,
            IdempotencyKey: $"recon/nightly/{resourceUid}/{phase}/1",
            ExternalIds: externalIds ?? []);
    }
}
