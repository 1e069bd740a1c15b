using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Store;

namespace KafkaRecon.Operator.Scheduling;

/// <summary>
/// Turns the store's typed API errors into what the user of <c>kafka-recon create</c> can act on: a missing CRD or
/// namespace and missing permissions are input problems (exit 2); anything else is a failure of the cluster (exit 1).
/// </summary>
internal static class CreateApiErrors
{
    public static async Task<T> Call<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (KubernetesApiException e)
        {
            throw Explain(e, what);
        }
    }

    public static Task Call(string what, Func<Task> call) =>
        Call(what, async () =>
        {
            await call();
            return true;
        });

    private static Exception Explain(KubernetesApiException e, string what) => e.Kind switch
    {
        ApiErrorKind.NotFound => new ScheduleInputException(
            $"Could not {what}: not found (HTTP 404). Check the namespace and name, and that the KafkaReconciliation CRD is installed. {e.Message}"),
        ApiErrorKind.Forbidden or ApiErrorKind.Unauthorized => new ScheduleInputException(
            $"Could not {what}: HTTP {e.StatusCode}. The service account needs get/list/create/delete on " +
            $"{KafkaReconciliation.Plural}.{KafkaReconciliation.Group} (and get on the template ConfigMap). {e.Message}"),
        _ => new InvalidOperationException($"Could not {what}: HTTP {e.StatusCode}. {e.Message}", e),
    };
}
