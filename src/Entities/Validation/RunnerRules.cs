namespace KafkaRecon.Entities.Validation;

/// <summary>
/// What <c>spec.transform.runner: job</c> needs: the embedded engine (an aws transform runs on Glue already) and
/// s3:// manifests and output, because the Job's pod has a disk of its own: a local folder there is not the one the
/// operator (and the query phase after it) reads, and the tables written to it would be lost with the pod.
/// </summary>
internal static class RunnerRules
{
    public static void Check(KafkaReconciliationSpec spec, List<SpecError> errors)
    {
        if (spec.Transform.Runner != TransformRunner.Job)
        {
            return;
        }
        if (spec.Engine != EngineKind.Embedded)
        {
            errors.Add(new("spec.transform.runner",
                "'job' runs the embedded engine's transform in a Job of its own; with engine aws the transform " +
                "runs on Glue already: remove runner or use engine embedded"));
            return;
        }
        foreach (var (field, location) in new[]
                 {
                     ("spec.manifests.importLocation", spec.Manifests.ImportLocation),
                     ("spec.manifests.exportLocation", spec.Manifests.ExportLocation),
                     ("spec.output.location", spec.Output.Location),
                 })
        {
            if (location is not null && !location.StartsWith("s3://", StringComparison.Ordinal))
            {
                errors.Add(new(field,
                    $"'{location}' is a local folder, but spec.transform.runner 'job' runs the transform in a pod of " +
                    "its own, which does not see the operator's disk (its tables would be lost with the pod); " +
                    "use an s3://bucket/prefix location or runner 'operator'"));
            }
        }
    }
}
