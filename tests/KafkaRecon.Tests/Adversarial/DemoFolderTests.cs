using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12 case 17: <c>run --demo --demo-dir DIR</c> silently deleted DIR's import, export and output. It refuses a
/// folder it did not create unless <c>--force</c>.
/// </summary>
public sealed class DemoFolderTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("krecon-demo-dir-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public async Task Demo_refuses_a_folder_it_did_not_create_and_deletes_nothing()
    {
        var precious = Path.Combine(root.FullName, "import", "precious.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(precious)!);
        File.WriteAllText(precious, "keep me");

        var (exit, _, error) = await CliRun.RunAsync("run", "--demo", "--demo-dir", root.FullName, "--records", "100");

        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("--force", error);
        Assert.Equal("keep me", File.ReadAllText(precious));
    }

    [Fact]
    public async Task Demo_replaces_a_foreign_folder_only_with_force()
    {
        var stray = Path.Combine(root.FullName, "output", "stray.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        File.WriteAllText(stray, "old");

        var (exit, _, error) = await CliRun.RunAsync(
            "run", "--demo", "--demo-dir", root.FullName, "--records", "500", "--force");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.False(File.Exists(stray));
    }

    [Fact]
    public async Task Demo_reuses_its_own_folder_without_force()
    {
        var folder = Path.Combine(root.FullName, "demo");
        var first = await CliRun.RunAsync("run", "--demo", "--demo-dir", folder, "--records", "500");
        Assert.True(first.Exit == 0, first.Error);

        var second = await CliRun.RunAsync("run", "--demo", "--demo-dir", folder, "--records", "500");

        Assert.True(second.Exit == 0, second.Error);
    }
}
