namespace KafkaRecon.Tests.RealApiServer;

/// <summary>A theory that needs the envtest binaries: skipped, with the reason shown, when they are not there.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealApiServerTheoryAttribute : TheoryAttribute
{
    public RealApiServerTheoryAttribute()
    {
        if (EnvtestAssets.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
