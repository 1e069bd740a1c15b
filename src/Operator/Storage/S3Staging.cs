namespace KafkaRecon.Operator.Storage;

/// <summary>
/// Copies between S3 and a local folder so the embedded engine can read s3:// manifests and write s3:// output.
/// Relative paths below the location are kept.
/// </summary>
internal sealed class S3Staging(IObjectStore s3, IObjectStore local)
{
    /// <summary>
    /// Downloads the listed <paramref name="objects"/> below <paramref name="s3Location"/> into
    /// <paramref name="folder"/>; returns their local paths, in the same order.
    /// </summary>
    public async Task<IReadOnlyList<string>> DownloadAsync(
        string s3Location, IReadOnlyList<StoredObject> objects, string folder, CancellationToken cancellationToken)
    {
        var prefix = s3Location.TrimEnd('/');
        var paths = new List<string>(objects.Count);
        foreach (var item in objects)
        {
            var relative = item.Location == prefix ? Path.GetFileName(prefix) : item.Location[(prefix.Length + 1)..];
            var target = Path.Combine(folder, ToLocalPath(relative));
            await using var source = await s3.OpenReadAsync(item.Location, cancellationToken);
            await local.WriteAsync(target, source, cancellationToken);
            paths.Add(target);
        }
        return paths;
    }

    /// <summary>Downloads every object below <paramref name="s3Location"/> into <paramref name="folder"/>.</summary>
    public async Task<int> DownloadAsync(string s3Location, string folder, CancellationToken cancellationToken)
    {
        var prefix = s3Location.TrimEnd('/');
        var count = 0;
        await foreach (var item in s3.ListAsync(s3Location, cancellationToken))
        {
            var relative = item.Location == prefix ? Path.GetFileName(prefix) : item.Location[(prefix.Length + 1)..];
            var target = Path.Combine(folder, ToLocalPath(relative));
            await using var source = await s3.OpenReadAsync(item.Location, cancellationToken);
            await local.WriteAsync(target, source, cancellationToken);
            count++;
        }
        return count;
    }

    /// <summary>Uploads every file below <paramref name="folder"/> to <paramref name="s3Location"/>.</summary>
    public async Task<int> UploadAsync(string folder, string s3Location, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(folder);
        var count = 0;
        await foreach (var item in local.ListAsync(root, cancellationToken))
        {
            var relative = Path.GetRelativePath(root, item.Location).Replace(Path.DirectorySeparatorChar, '/');
            await using var source = await local.OpenReadAsync(item.Location, cancellationToken);
            await s3.WriteAsync($"{s3Location.TrimEnd('/')}/{relative}", source, cancellationToken);
            count++;
        }
        return count;
    }

    private static string ToLocalPath(string key)
    {
        var parts = key.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(p => p is "." or ".."))
        {
            throw new InvalidDataException($"Object key '{key}' contains '.' or '..' segments and cannot be staged.");
        }
        return Path.Combine(parts);
    }
}
