namespace KafkaRecon.Operator.Manifests;

/// <summary>One <c>\n</c>-ended line of a file: its 1-based number, first byte's offset and bytes (line end included).</summary>
internal sealed record PhysicalLine(long Number, long Offset, byte[] Bytes)
{
    /// <summary>The bytes without the line end (<c>\n</c> or <c>\r\n</c>).</summary>
    public ReadOnlySpan<byte> Content
    {
        get
        {
            var length = Bytes.Length;
            if (length > 0 && Bytes[length - 1] == (byte)'\n')
            {
                length--;
                if (length > 0 && Bytes[length - 1] == (byte)'\r')
                {
                    length--;
                }
            }
            return Bytes.AsSpan(0, length);
        }
    }

    public bool IsBlank => Content.IsEmpty;

    public long End => Offset + Bytes.Length;
}
