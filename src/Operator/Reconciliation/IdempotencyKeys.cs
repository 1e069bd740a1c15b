using System.Security.Cryptography;
using System.Text;
using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// Deterministic keys for external work: the same resource, phase and attempts always give the same key, a new uid
/// (a recreated resource) or a new attempt gives a new one. 40–60 characters of [a-z0-9-], valid as an Athena
/// ClientRequestToken, a Batch job name and a Glue argument value.
/// </summary>
internal static class IdempotencyKeys
{
    /// <param name="check">The comparison of the window (spec.recheck): a recheck's keys differ from the first run's.</param>
    public static string For(ResourceIdentity resource, RunPhase phase, int runAttempt, int phaseAttempt, int check = 1)
    {
        var identity = $"{resource.Namespace}/{resource.Name}/{resource.Uid}" + (check > 1 ? $"/check-{check}" : "");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
        return $"krecon-{phase.Name()}-r{runAttempt}-a{phaseAttempt}-{hash}";
    }
}
