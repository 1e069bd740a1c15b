namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// A throw-away folder with one matching import and export record and a resource file reading them, for tests that
/// drive <c>kafka-recon run</c> into an unlucky situation.
/// </summary>
internal sealed class AdversarialRunFolder : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("krecon-adversarial-");

    public string Root => _root.FullName;

    public string WriteResource(string extraSpec = "")
    {
        var import = Directory.CreateDirectory(Path.Combine(Root, "import")).FullName;
        var export = Directory.CreateDirectory(Path.Combine(Root, "export")).FullName;
        File.WriteAllLines(Path.Combine(import, "db.coll_0_1-db.coll_0_2.txt"),
            ["\"id-1\"|1709251200000|db|coll|STREAMED|K2HB|id-1|KAFKA_RECORD"]);
        File.WriteAllLines(Path.Combine(export, "db.coll-000-001-000001.csv"),
            ["\"{\"\"$oid\"\":\"\"x\"\"}\"|1709251200000|db|coll|EXPORT|K2HB|id-1|MONGO_INSERT"]);
        var path = Path.Combine(Root, "recon.yaml");
        File.WriteAllText(path, $"""
            apiVersion: kafkarecon.io/v1alpha1
            kind: KafkaReconciliation
            metadata:
              name: adversarial
            spec:
              engine: embedded
              window:
                start: 2024-03-01T00:00:00Z
              manifests:
                importLocation: {import}
                exportLocation: {export}
              output:
                location: {Path.Combine(Root, "out")}
            {extraSpec}
            """);
        return path;
    }

    public const string SlackSpec = """
          notifications:
            slack:
              webhookSecretRef:
                name: slack
                key: url
        """;

    public void Dispose() => _root.Delete(recursive: true);
}
