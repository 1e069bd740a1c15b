using System.Globalization;
using System.Text;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// The member list of a merged file, kept next to it as <c>.NAME.members</c> (a hidden name: Spark and Hadoop skip
/// it, the embedded engine's listing leaves it out) and written before any original is deleted, so a line of the
/// merged file can still be traced to the original file and line it came from. One tab-separated line per member:
/// offset, length, bytes skipped, first line, lines, name (v1, without bytes skipped, is still read).
/// </summary>
internal sealed class MemberIndex(IReadOnlyList<MergedMember> members, bool provisional = false)
{
    private const string Header = "# kafka-recon merged file members v2: offset, length, skipped, first line, lines, original name";
    private const string FirstVersionHeader = "# kafka-recon merged file members v1";
    private const string ProvisionalMark = "# provisional: written before the merge, no original deleted yet";
    private const string Suffix = ".members";

    public IReadOnlyList<MergedMember> Members { get; } = members;

    /// <summary>
    /// Written before the merged file, with the members' names and listed sizes only; replaced by the complete index
    /// once the merged file is verified, which is before any original is deleted.
    /// </summary>
    public bool Provisional { get; } = provisional;

    /// <summary>The index's location for a merged file's location (same folder).</summary>
    public static string LocationFor(string mergedLocation) =>
        ObjectPath.Sibling(mergedLocation, $".{ObjectPath.Split(mergedLocation).Name}{Suffix}");

    public static bool IsIndexName(string fileName) =>
        fileName.StartsWith('.') && fileName.EndsWith(Suffix, StringComparison.Ordinal);

    /// <summary>The original holding <paramref name="byteOffset"/> of the merged file, or null for an added newline.</summary>
    public MergedMember? MemberAt(long byteOffset)
    {
        var index = Search(m => m.Offset <= byteOffset);
        return index >= 0 && byteOffset < Members[index].End ? Members[index] : null;
    }

    /// <summary>The original and its line of the merged file's 1-based line <paramref name="mergedLine"/>.</summary>
    public OriginalPosition? LineAt(long mergedLine)
    {
        var index = Search(m => m.FirstLine <= mergedLine);
        if (index < 0 || mergedLine >= Members[index].FirstLine + Members[index].Lines)
        {
            return null;
        }
        return new OriginalPosition(Members[index].Name, mergedLine - Members[index].FirstLine + 1);
    }

    public string Serialize()
    {
        var text = new StringBuilder(Header).Append('\n');
        if (Provisional)
        {
            text.Append(ProvisionalMark).Append('\n');
        }
        foreach (var member in Members)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{member.Offset}\t{member.Length}\t{member.Skipped}\t{member.FirstLine}\t{member.Lines}\t{member.Name}\n");
        }
        return text.ToString();
    }

    public static MemberIndex Parse(string text, string location)
    {
        var members = new List<MergedMember>();
        var provisional = false;
        var fieldCount = 6;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                provisional |= line == ProvisionalMark;
                fieldCount = line.StartsWith(FirstVersionHeader, StringComparison.Ordinal) ? 5 : fieldCount;
                continue;
            }
            var fields = line.Split('\t', fieldCount);
            var numbers = fields.Length == fieldCount ? fields[..^1].Select(Number).ToList() : [];
            if (numbers.Count == 0 || numbers.Any(n => n is null))
            {
                throw new InvalidDataException($"'{location}' is not a member index: line '{line}' is malformed.");
            }
            members.Add(fieldCount == 5
                ? new MergedMember(fields[4], numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value)
                : new MergedMember(fields[5], numbers[0]!.Value, numbers[1]!.Value, numbers[3]!.Value, numbers[4]!.Value,
                    numbers[2]!.Value));
        }
        return new MemberIndex(members, provisional);
    }

    /// <summary>The last member satisfying <paramref name="startsBefore"/>, which holds for a prefix of the members.</summary>
    private int Search(Func<MergedMember, bool> startsBefore)
    {
        int low = 0, high = Members.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (startsBefore(Members[middle]))
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }

    private static long? Number(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
