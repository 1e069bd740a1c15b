using System.Text.Json.Nodes;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Yaml;

namespace KafkaRecon.Operator.Scheduling;

/// <summary>
/// Runs one <c>kafka-recon create</c>: reads the template and the schedule's resources, lets
/// <see cref="SchedulePlanner"/> decide, then creates and prunes (or only prints, on a dry run).
/// </summary>
internal sealed class ScheduledCreation(
    IResourceStore store, TemplateConfigMaps configMaps, TimeProvider time, TextWriter output)
{
    public async Task RunAsync(ScheduleRequest request, TemplateSource source, bool dryRun, CancellationToken ct)
    {
        // Bad flags fail here, before the template or the cluster is read.
        _ = SchedulePlanner.NameAndWindow(request, time.GetUtcNow());
        var template = await source.LoadAsync(configMaps, request.Namespace, ct);
        var resources = await CreateApiErrors.Call($"list kafkareconciliations in namespace '{request.Namespace}'",
            () => store.ListByLabelAsync(request.Namespace, $"{WellKnown.ScheduleLabel}={request.ScheduleName}", ct));
        var plan = SchedulePlanner.Plan(request, resources.Select(ScheduledRun.From).ToList(), time.GetUtcNow());
        var resource = template.Instantiate(plan.Name, request.Namespace, request.ScheduleName, plan.Window);

        if (dryRun)
        {
            await output.WriteLineAsync("Dry run: nothing is changed.");
            await output.WriteLineAsync(plan.Decision == CreateDecision.Create
                ? $"Would create kafkareconciliation {request.Namespace}/{plan.Name} for window {plan.Window}:"
                : plan.Message);
            if (plan.Decision == CreateDecision.Create)
            {
                await output.WriteLineAsync("---");
                await output.WriteAsync(YamlJson.Write(resource));
            }
            foreach (var run in plan.Deletions)
            {
                await output.WriteLineAsync($"Would delete {Describe(request.Namespace, run)} (beyond the history limit).");
            }
            return;
        }

        if (plan.Decision == CreateDecision.Create)
        {
            var outcome = await CreateAsync(resource, request.Namespace, plan.Name, ct);
            await output.WriteLineAsync(outcome == CreateOutcome.Created
                ? $"Created kafkareconciliation {request.Namespace}/{plan.Name} for window {plan.Window}."
                : $"kafkareconciliation {request.Namespace}/{plan.Name} already exists (created concurrently); nothing to create.");
        }
        else
        {
            await output.WriteLineAsync(plan.Message);
        }
        foreach (var run in plan.Deletions)
        {
            await DeleteAsync(new ResourceKey(request.Namespace, run.Name), ct);
            await output.WriteLineAsync($"Deleted {Describe(request.Namespace, run)} (beyond the history limit).");
        }
    }

    private Task<CreateOutcome> CreateAsync(JsonObject resource, string @namespace, string name, CancellationToken ct) =>
        CreateApiErrors.Call($"create kafkareconciliation {@namespace}/{name}", async () =>
        {
            try
            {
                await store.CreateAsync(@namespace, resource, ct);
                return CreateOutcome.Created;
            }
            catch (KubernetesApiException e) when (e.Kind is ApiErrorKind.AlreadyExists or ApiErrorKind.Conflict)
            {
                return CreateOutcome.AlreadyExists;
            }
        });

    /// <summary>A resource already gone counts as deleted.</summary>
    private Task DeleteAsync(ResourceKey key, CancellationToken ct) =>
        CreateApiErrors.Call($"delete kafkareconciliation {key}", async () =>
        {
            try
            {
                await store.DeleteAsync(key, ct);
            }
            catch (KubernetesApiException e) when (e.Kind == ApiErrorKind.NotFound)
            {
            }
        });

    private static string Describe(string @namespace, ScheduledRun run) =>
        $"kafkareconciliation {@namespace}/{run.Name} ({run.Phase}" +
        (run.WindowStart is { } start ? $", window start {Rfc3339.Format(start)})" : ")");
}
