namespace KafkaRecon.ApiServer.Resources;

/// <summary>The built-in kinds an operator touches besides its own CRD: Leases, Events, Secrets, ConfigMaps, Namespaces.</summary>
internal static class BuiltInResourceTypes
{
    public static IReadOnlyList<ResourceType> All { get; } =
    [
        BuiltIn("", "v1", "namespaces", "Namespace", namespaced: false, shortNames: ["ns"], unconditional: true),
        BuiltIn("", "v1", "events", "Event", namespaced: true, shortNames: ["ev"], unconditional: true),
        BuiltIn("", "v1", "secrets", "Secret", namespaced: true, shortNames: [], unconditional: true),
        BuiltIn("", "v1", "configmaps", "ConfigMap", namespaced: true, shortNames: ["cm"], unconditional: true),
        // LeaseLock relies on optimistic concurrency: Lease updates must carry a resourceVersion.
        BuiltIn("coordination.k8s.io", "v1", "leases", "Lease", namespaced: true, shortNames: [], unconditional: false),
        BuiltIn("events.k8s.io", "v1", "events", "Event", namespaced: true, shortNames: ["ev"], unconditional: true),
    ];

    private static ResourceType BuiltIn(
        string group, string version, string plural, string kind, bool namespaced, IReadOnlyList<string> shortNames, bool unconditional) =>
        new(group, version, plural, kind.ToLowerInvariant(), kind, namespaced, shortNames, [],
            HasStatusSubresource: false, AllowUnconditionalUpdate: unconditional, TracksGeneration: false, Schema: null, PrinterColumns: []);
}
