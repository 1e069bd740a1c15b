namespace KafkaRecon.ApiServer.Http;

/// <summary>
/// A resource URL taken apart: <c>/api/v1/…</c> or <c>/apis/{group}/{version}/…</c>, then
/// <c>[namespaces/{ns}/]{plural}[/{name}[/{subresource}]]</c>.
/// </summary>
internal sealed record RequestTarget(string Group, string Version, string? Namespace, string Plural, string? Name, string? Subresource)
{
    public static RequestTarget? Parse(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        string group;
        string version;
        int rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }

        var tail = segments[rest..];
        if (tail.Length >= 3 && tail[0] == "namespaces")
        {
            return tail.Length <= 5
                ? new RequestTarget(group, version, tail[1], tail[2], At(tail, 3), At(tail, 4))
                : null;
        }

        return tail.Length <= 3 ? new RequestTarget(group, version, null, tail[0], At(tail, 1), At(tail, 2)) : null;
    }

    private static string? At(string[] items, int index) => index < items.Length ? items[index] : null;
}
