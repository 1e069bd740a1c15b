using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// The one place that picks the object store for a manifest location. <c>s3://</c> locations get the S3 store once it
/// is part of the build; until then they are refused with a message saying so.
/// </summary>
internal static class ObjectStoreResolver
{
    public static IObjectStore For(string location) =>
        ObjectStoreLocation.IsS3(location)
            ? throw new NotSupportedException(
                $"'{location}' is an s3:// location, which this build cannot coalesce yet; use a local folder.")
            : new LocalObjectStore();
}
