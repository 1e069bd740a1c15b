using k8s.Models;

namespace KafkaRecon.ApiServer;

/// <summary>What the test server serves and how its watches behave.</summary>
public sealed class ApiTestServerOptions
{
    /// <summary>Paths of CRD YAML files (e.g. the generated <c>config/crds/kafkarecon.io_kafkareconciliations.yaml</c>).</summary>
    public IList<string> CrdFiles { get; } = [];

    /// <summary>CRD YAML texts (one or more documents each).</summary>
    public IList<string> CrdYaml { get; } = [];

    /// <summary>CRDs as client model objects, e.g. straight from a CRD generator.</summary>
    public IList<V1CustomResourceDefinition> Crds { get; } = [];

    /// <summary>How many changes the watch history keeps; a watch from before them gets 410 Expired.</summary>
    public int HistoryCapacity { get; set; } = 10_000;

    /// <summary>How often an idle watch with allowWatchBookmarks=true gets a BOOKMARK (a real server: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Server-side timeout of a watch that sets no timeoutSeconds (a real server: 30–60 minutes).</summary>
    public TimeSpan DefaultWatchTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Clock for timestamps, watch timeouts and bookmarks.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
