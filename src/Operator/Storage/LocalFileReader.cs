using Microsoft.Win32.SafeHandles;

namespace KafkaRecon.Operator.Storage;

/// <summary>
/// Reads a local file whole into a pooled buffer, through <see cref="LinuxFileCalls"/> where available and
/// <see cref="File.OpenHandle"/> with <see cref="RandomAccess"/> elsewhere.
/// </summary>
internal static class LocalFileReader
{
    /// <summary>Fills <paramref name="buffer"/> (grown from the pool as needed) with the whole file; returns its length.</summary>
    public static int ReadWhole(string path, long listedSize, ref byte[] buffer)
    {
        if (LinuxFileCalls.IsAvailable)
        {
            var descriptor = LinuxFileCalls.OpenLocked(path);
            try
            {
                return ReadToEnd(ref buffer, listedSize, (span, offset) => LinuxFileCalls.Read(descriptor, span, offset, path));
            }
            finally
            {
                LinuxFileCalls.Close(descriptor);
            }
        }
        using SafeFileHandle handle = File.OpenHandle(path);
        return ReadToEnd(ref buffer, listedSize, (span, offset) => RandomAccess.Read(handle, span, offset));
    }

    private delegate int ReadAt(Span<byte> buffer, long offset);

    private static int ReadToEnd(ref byte[] buffer, long listedSize, ReadAt read)
    {
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                buffer = ConcurrentObjectReads.Grow(buffer, length);
            }
            var count = read(buffer.AsSpan(length), length);
            length += count;
            // A read of a local file that returns less than asked stopped at the file's end. Trusted without the
            // confirming empty read only when the file still has its listed size, which saves a system call per
            // unchanged small file; a file that changed since it was listed is read until a read returns nothing.
            if (count == 0 || (length < buffer.Length && length == listedSize))
            {
                return length;
            }
        }
    }
}
