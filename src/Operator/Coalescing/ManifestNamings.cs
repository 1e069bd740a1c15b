namespace KafkaRecon.Operator.Coalescing;

/// <summary>The file naming of each side.</summary>
internal static class ManifestNamings
{
    public static IManifestNaming Import { get; } = new K2hbManifestNaming();
    public static IManifestNaming Export { get; } = new HtmeManifestNaming();

    public static IManifestNaming For(ManifestSide side) => side == ManifestSide.Import ? Import : Export;
}
