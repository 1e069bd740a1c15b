using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// The merged file as a read-only stream: the batch's originals one after another, a newline added after any that
/// lacks a final one (so no two records end up on one line) and an original's leading UTF-8 byte order mark dropped
/// (readers skip one only at a file's start; inside a merged file it would become part of the first id), counting
/// lines and bytes as they pass. Handed straight to
/// <see cref="IObjectStore.WriteAsync"/>, so a batch is never held in memory whole; a failed read fails the write.
/// </summary>
internal sealed class ConcatenatedManifestStream(
    IObjectStore store, MemberPrefetcher prefetcher, CancellationToken cancellationToken) : Stream
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private PrefetchedMember? _current;
    private Stream? _largeMember;
    private byte[] _largeMemberStart = []; // its first bytes, read to look for a byte order mark, still to be copied
    private int _largeMemberStartOffset;
    private int _skipped; // bytes of the current original not copied: its byte order mark
    private int _offset;
    private LineCount _memberCount;
    private LineCount _total;
    private bool _newlineOwed;
    private bool _finished;
    private long _memberStart;
    private long _memberFirstLine;
    private readonly List<MergedMember> _members = [];

    public long Lines => _total.Lines;
    /// <summary>Where each original landed in the merged file, for its <see cref="MemberIndex"/>.</summary>
    public IReadOnlyList<MergedMember> Members => _members;
    public long Bytes => _total.Bytes;
    public long BytesRead { get; private set; }
    public int FilesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _total.Bytes; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken token = default)
    {
        var written = 0;
        while (written < destination.Length && !_finished)
        {
            if (_newlineOwed)
            {
                destination.Span[written] = (byte)'\n';
                _total.Add(destination.Span.Slice(written, 1));
                written++;
                _newlineOwed = false;
                continue;
            }
            if (_current is null && !await MoveNextAsync().ConfigureAwait(false))
            {
                _finished = true;
                break;
            }
            var copied = _current!.Content is { } content
                ? CopyBuffered(content.Span, destination.Span[written..])
                : await CopyLargeAsync(destination[written..]).ConfigureAwait(false);
            if (copied == 0)
            {
                EndMember();
                continue;
            }
            var chunk = destination.Span.Slice(written, copied);
            _memberCount.Add(chunk);
            _total.Add(chunk);
            written += copied;
        }
        return written;
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken token) =>
        ReadAsync(buffer.AsMemory(offset, count), token).AsTask();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
            _largeMember?.Dispose();
        }
        base.Dispose(disposing);
    }

    private async ValueTask<bool> MoveNextAsync()
    {
        _current = await prefetcher.NextAsync().ConfigureAwait(false);
        if (_current is null)
        {
            return false;
        }
        _offset = 0;
        _memberCount = default;
        _memberStart = _total.Bytes;
        _memberFirstLine = _total.Newlines + 1;
        if (_current.Content is { } content)
        {
            _offset = _skipped = content.Span.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        }
        else
        {
            try
            {
                _largeMember = await store.OpenReadAsync(_current.File.Location, cancellationToken).ConfigureAwait(false);
                var start = await ReadStartAsync(_largeMember).ConfigureAwait(false);
                _skipped = start.AsSpan().SequenceEqual(ByteOrderMark) ? start.Length : 0;
                _largeMemberStart = _skipped > 0 ? [] : start;
                _largeMemberStartOffset = 0;
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new MemberReadException(_current.File.Location, error);
            }
        }
        return true;
    }

    private int CopyBuffered(ReadOnlySpan<byte> content, Span<byte> destination)
    {
        var count = Math.Min(content.Length - _offset, destination.Length);
        content.Slice(_offset, count).CopyTo(destination);
        _offset += count;
        return count;
    }

    private async ValueTask<byte[]> ReadStartAsync(Stream member)
    {
        var start = new byte[ByteOrderMark.Length];
        var filled = 0;
        int read;
        while (filled < start.Length && (read = await member.ReadAsync(start.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }
        return start[..filled];
    }

    private async ValueTask<int> CopyLargeAsync(Memory<byte> destination)
    {
        if (_largeMemberStartOffset < _largeMemberStart.Length)
        {
            var count = Math.Min(_largeMemberStart.Length - _largeMemberStartOffset, destination.Length);
            _largeMemberStart.AsSpan(_largeMemberStartOffset, count).CopyTo(destination.Span);
            _largeMemberStartOffset += count;
            return count;
        }
        try
        {
            return await _largeMember!.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new MemberReadException(_current!.File.Location, error);
        }
    }

    private void EndMember()
    {
        _newlineOwed = _memberCount.EndsWithoutNewline;
        _members.Add(new MergedMember(ObjectPath.Split(_current!.File.Location).Name, _memberStart, _memberCount.Bytes,
            _memberFirstLine, _memberCount.Lines, _skipped));
        BytesRead += _memberCount.Bytes;
        FilesRead++;
        _current!.Dispose();
        _current = null;
        _largeMember?.Dispose();
        _largeMember = null;
    }
}
