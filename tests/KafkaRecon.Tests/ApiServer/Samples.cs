using KafkaRecon.Entities;
using k8s.Models;

namespace KafkaRecon.Tests.ApiServer;

internal static class Samples
{
    public static KafkaReconciliation Reconciliation(string name, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = TestApiServer.Namespace, Labels = labels },
        Spec = new KafkaReconciliationSpec
        {
            Window = new WindowSpec
            {
                Start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
                End = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero),
            },
            Engine = EngineKind.Embedded,
            Manifests = new ManifestsSpec { ImportLocation = "/data/import", ExportLocation = "/data/export" },
            Output = new OutputSpec { Location = "/data/out" },
        },
    };
}
