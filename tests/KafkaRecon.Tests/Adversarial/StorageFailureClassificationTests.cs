using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Adversarial;

/// <summary>
/// Issue 12 case 16, in the cluster: an engine call that fails with an error retrying cannot heal (no space, no
/// permission, an impossible path) fails the phase at once instead of after the retries.
/// </summary>
public sealed class StorageFailureClassificationTests
{
    [Fact]
    public void Full_disk_is_a_permanent_failure_that_names_the_path()
    {
        // /dev/full answers every write with ENOSPC, exactly as a full disk does.
        var full = Assert.ThrowsAny<IOException>(() => File.WriteAllBytes("/dev/full", new byte[4096]));
        Assert.True(StorageFailure.IsPermanent(full), full.ToString());
        Assert.Contains("/dev/full", StorageFailure.Describe(full));
    }

    [Theory]
    [MemberData(nameof(PermanentFailures))]
    public void Errors_that_cannot_heal_are_permanent(Exception error) =>
        Assert.True(StorageFailure.IsPermanent(error));

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public void Errors_that_may_heal_stay_retryable(Exception error) =>
        Assert.False(StorageFailure.IsPermanent(error));

    public static TheoryData<Exception> PermanentFailures() => new()
    {
        new UnauthorizedAccessException("Access to the path '/out' is denied."),
        new PathTooLongException("name too long"),
        new ArgumentException("Null character in path."),
    };

    public static TheoryData<Exception> TransientFailures() => new()
    {
        new IOException("Connection reset"),
        new HttpRequestException("timeout"),
        new TimeoutException("slow"),
    };
}
