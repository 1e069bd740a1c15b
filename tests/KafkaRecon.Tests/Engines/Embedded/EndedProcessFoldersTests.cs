using KafkaRecon.Operator.Engines.Embedded;

namespace KafkaRecon.Tests.Engines.Embedded;

public sealed class EndedProcessFoldersTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "kafka-recon-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Only_the_folders_of_processes_that_ended_are_deleted_with_what_they_spilled()
    {
        Directory.CreateDirectory(Path.Combine(root, "101", "3"));
        File.WriteAllText(Path.Combine(root, "101", "3", "duckdb_temp_storage-0.tmp"), "spilled");
        Directory.CreateDirectory(Path.Combine(root, "202"));
        Directory.CreateDirectory(Path.Combine(root, "notes"));

        EndedProcessFolders.Delete(root, id => id == 202);

        Assert.Equal(["202", "notes"], Directory.EnumerateDirectories(root).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_missing_root_is_nothing_to_delete() => EndedProcessFolders.Delete(root, _ => false);

    [Fact]
    public void This_process_is_running_and_a_process_that_exited_is_not()
    {
        using var exited = System.Diagnostics.Process.Start("true")!;
        exited.WaitForExit();

        Assert.True(EndedProcessFolders.IsRunning(Environment.ProcessId));
        Assert.False(EndedProcessFolders.IsRunning(exited.Id));
    }
}
