using System.Buffers;
using System.Globalization;
using System.Text;

namespace KafkaRecon.Operator.Manifests;

/// <summary>
/// The first <see cref="Length"/> characters of a rejected line, as the report shows it: UTF-8 text as it is, every
/// byte that is not UTF-8 and every control character but tab (a line end inside quotes) as <c>\xNN</c>, so a sample
/// is always one line of valid text and says which bytes were wrong.
/// </summary>
internal static class SampleText
{
    public const int Length = 200;

    public static string Render(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        var characters = 0;
        while (!bytes.IsEmpty && characters < Length)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == OperationStatus.Done
                && (rune.Value >= 0x20 || rune.Value == '\t'))
            {
                text.Append(rune.ToString());
            }
            else
            {
                consumed = 1;
                text.Append(CultureInfo.InvariantCulture, $"\\x{bytes[0]:X2}");
            }
            characters++;
            bytes = bytes[consumed..];
        }
        return Cut(text.ToString());
    }

    /// <summary>The fields joined by <c>|</c> again, cut as the SQL cuts them (rejected_lines.sql).</summary>
    public static string Joined(IReadOnlyList<string> fields) => Cut(string.Join('|', fields));

    /// <summary>The first <see cref="Length"/> code points, as SQL's SUBSTRING counts them.</summary>
    public static string Cut(string text)
    {
        var end = 0;
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (count++ == Length)
            {
                return text[..end];
            }
            end += rune.Utf16SequenceLength;
        }
        return text;
    }
}
