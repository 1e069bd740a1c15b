namespace KafkaRecon.Tests.RealApiServer;

/// <summary>A fact that needs the envtest binaries: skipped, with the reason shown, when they are not there.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealApiServerFactAttribute : FactAttribute
{
    public RealApiServerFactAttribute()
    {
        if (EnvtestAssets.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
