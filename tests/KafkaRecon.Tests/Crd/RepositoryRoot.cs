namespace KafkaRecon.Tests.Crd;

/// <summary>The checkout's root folder, found from the test binary by walking up to KafkaRecon.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public static string ReadText(string relativePath) => System.IO.File.ReadAllText(File(relativePath));

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "KafkaRecon.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No KafkaRecon.sln above {AppContext.BaseDirectory}.");
    }
}
