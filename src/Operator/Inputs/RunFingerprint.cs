using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Inputs;

/// <summary>
/// What a run's results depend on: the spec fields that shape the comparison (window, margin, locations, pruning,
/// database names) and
/// the input listing (names, sizes, modification times). Results are reused only under the same fingerprint, so the
/// run folder carries it: a changed spec or a late file gives a new folder and fresh results.
/// </summary>
internal static partial class RunFingerprint
{
    private const int Length = 10;

    public static string Of(KafkaReconciliationSpec spec, ResolvedWindow window, InputList import, InputList export)
    {
        var text = new StringBuilder();
        Line(text, "window", window.Start.ToUnixTimeMilliseconds(), window.End.ToUnixTimeMilliseconds(), window.MarginMinutes);
        Line(text, "import", spec.Manifests.ImportLocation);
        Line(text, "export", spec.Manifests.ExportLocation);
        Line(text, "pruning", spec.Manifests.Pruning, spec.Manifests.PruningSlack, spec.Manifests.Layout);
        if (spec.Comparison.DatabaseNames != DatabaseNames.AsIs)
        {
            // Only when set, so the fingerprints of runs that never used it stay as they were.
            Line(text, "databaseNames", spec.Comparison.DatabaseNames);
        }
        foreach (var (side, list) in new[] { ("i", import), ("e", export) })
        {
            foreach (var file in list.Files)
            {
                Line(text, side, file.Location, file.Size, file.LastModified.ToUnixTimeMilliseconds());
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..Length];
    }

    /// <summary>The run id of a fingerprinted run: the base id (name, date, re-run) and the fingerprint.</summary>
    public static string RunId(string runId, string fingerprint) => $"{BaseRunId(runId)}-f{fingerprint}";

    /// <summary>The run id without a fingerprint suffix a previous attempt of the phase gave it.</summary>
    public static string BaseRunId(string runId) => FingerprintSuffix().Replace(runId, "");

    private static void Line(StringBuilder text, string key, params object[] values) =>
        text.Append(key).Append('\t')
            .AppendJoin('\t', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))
            .Append('\n');

    [GeneratedRegex("-f[0-9a-f]{10}$")]
    private static partial Regex FingerprintSuffix();
}
