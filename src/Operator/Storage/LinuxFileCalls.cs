using System.Runtime.InteropServices;

namespace KafkaRecon.Operator.Storage;

/// <summary>
/// The few libc calls that read a small file whole on Linux with fewer system calls than <see cref="File.OpenHandle"/>
/// (which also stats the file and unlocks it before closing): open, a shared lock, pread, close. The file is opened
/// without updating its access time where the owner allows it: an access-time update is a journalled inode write per
/// file, and the coalescer deletes these files right after reading them.
/// </summary>
internal static class LinuxFileCalls
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;
    private const int NoAccessTime = 0x40000;
    private const int SharedLock = 1;
    private const int NonBlocking = 4;
    private const int NotPermitted = 1;
    private const int Interrupted = 4;
    private const int WouldBlock = 11;

    private static int s_noAccessTime = NoAccessTime;

    /// <summary>64-bit Linux, with libc loadable; otherwise callers use the portable .NET calls.</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess && CanLoad();

    /// <summary>
    /// Opens for reading and takes the shared advisory lock .NET takes for a reader, so a .NET writer holding the file
    /// exclusively makes the read fail (as <see cref="File.OpenHandle"/> would) rather than see half its content.
    /// </summary>
    public static int OpenLocked(string path)
    {
        var descriptor = Open(path, ReadOnly | CloseOnExec | s_noAccessTime);
        if (descriptor < 0 && Marshal.GetLastPInvokeError() == NotPermitted && s_noAccessTime != 0)
        {
            // Not the files' owner: O_NOATIME is refused, so read them like everyone else from now on.
            s_noAccessTime = 0;
            descriptor = Open(path, ReadOnly | CloseOnExec);
        }
        if (descriptor < 0)
        {
            throw Failure("open", path);
        }
        int locked;
        while ((locked = flock(descriptor, SharedLock | NonBlocking)) != 0 && Marshal.GetLastPInvokeError() == Interrupted)
        {
        }
        if (locked != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            close(descriptor);
            throw error == WouldBlock
                ? new IOException($"'{path}' is locked for writing by another process")
                : Failure("lock", path, error);
        }
        return descriptor;
    }

    public static int Read(int descriptor, Span<byte> buffer, long offset, string path)
    {
        while (true)
        {
            var read = pread(descriptor, ref MemoryMarshal.GetReference(buffer), buffer.Length, offset);
            if (read >= 0)
            {
                return (int)read;
            }
            if (Marshal.GetLastPInvokeError() != Interrupted)
            {
                throw Failure("read", path);
            }
        }
    }

    /// <summary>Closing also releases the lock.</summary>
    public static void Close(int descriptor) => close(descriptor);

    private static int Open(string path, int flags)
    {
        int descriptor;
        while ((descriptor = open(path, flags)) < 0 && Marshal.GetLastPInvokeError() == Interrupted)
        {
        }
        return descriptor;
    }

    private static IOException Failure(string call, string path, int? error = null)
    {
        var code = error ?? Marshal.GetLastPInvokeError();
        return new IOException($"{call} of '{path}' failed: {Marshal.GetPInvokeErrorMessage(code)} (errno {code})");
    }

    private static bool CanLoad()
    {
        try
        {
            close(-1);
            return true;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int flock(int descriptor, int operation);

    [DllImport("libc", SetLastError = true)]
    private static extern nint pread(int descriptor, ref byte buffer, nint count, long offset);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int descriptor);
}
