using System.Reflection;

namespace KafkaRecon.Operator.Sql;

/// <summary>The SQL files embedded in the assembly under <c>Sql/</c> (one definition shared by every engine).</summary>
internal static class SqlResources
{
    private const string Root = "Sql/";
    private static readonly Assembly Assembly = typeof(SqlResources).Assembly;

    /// <summary>Reads <paramref name="path"/> relative to <c>Sql/</c>, e.g. <c>transform/joined.sql</c>.</summary>
    public static string Read(string path)
    {
        using var stream = Assembly.GetManifestResourceStream(Root + path)
            ?? throw new InvalidOperationException($"SQL resource 'Sql/{path}' is not embedded in {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Paths (relative to <c>Sql/</c>) of the embedded files directly under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> List(string folder)
    {
        var prefix = Root + folder.TrimEnd('/') + "/";
        return Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && !name[prefix.Length..].Contains('/'))
            .Select(name => name[Root.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
