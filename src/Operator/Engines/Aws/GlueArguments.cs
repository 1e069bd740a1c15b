using KafkaRecon.Entities;
using System.Globalization;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// The arguments the Glue script (<c>infra/terraform/glue/kafka_recon_etl.py</c>) reads. The window is the one fixed
/// in status at the start of the run; a retry passes the same values. The window's own end is not passed: the SQL
/// reads only up to the end plus the margin. <c>--sql_dir</c> comes from the job definition (Terraform), which ships
/// the SQL files with the script. The manifests read are exactly the files of the run's input lists, written by the
/// operator before the job starts; the locations are passed for messages only.
/// </summary>
internal static class GlueArguments
{
    public const string IdempotencyKey = "--kafka_recon_run";
    public const string RunId = "--run_id";
    public const string WindowStartMs = "--window_start_ms";
    public const string MarginEndMs = "--margin_end_ms";
    public const string ImportLocation = "--import_location";
    public const string ExportLocation = "--export_location";
    public const string OutputLocation = "--output_location";
    public const string ImportList = "--import_list";
    public const string ExportList = "--export_list";
    public const string HyphenateDatabaseNames = "--hyphenate_database_names";

    /// <summary><c>spec.transform.arguments</c> first; ours last so they cannot be overridden.</summary>
    public static IReadOnlyDictionary<string, string> For(PhaseContext context)
    {
        var window = context.Window;
        var arguments = new Dictionary<string, string>(context.Spec.Transform.Arguments, StringComparer.Ordinal)
        {
            [IdempotencyKey] = context.IdempotencyKey,
            [RunId] = context.RunId,
            [WindowStartMs] = Ms(window.Start),
            [MarginEndMs] = Ms(window.End.AddMinutes(window.MarginMinutes)),
            [ImportLocation] = context.Spec.Manifests.ImportLocation,
            [ExportLocation] = context.Spec.Manifests.ExportLocation,
            [OutputLocation] = TablesFolder(context.Layout),
            [ImportList] = context.Layout.InputList("import"),
            [ExportList] = context.Layout.InputList("export"),
            [HyphenateDatabaseNames] = context.Spec.Comparison.DatabaseNames == DatabaseNames.Hyphenate ? "1" : "0",
        };
        return arguments;
    }

    /// <summary>The parent of the run's table folders: the script writes each table to a sub-folder of its name.</summary>
    public static string TablesFolder(RunLayout layout) => RunLayout.Join(layout.RunFolder, "tables");

    private static string Ms(DateTimeOffset instant) =>
        instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
