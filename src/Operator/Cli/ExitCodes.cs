namespace KafkaRecon.Operator.Cli;

/// <summary>Process exit codes shared by every command.</summary>
internal static class ExitCodes
{
    public const int Verified = 0;
    public const int Error = 1;
    public const int InvalidInput = 2;
    public const int VerificationFailed = 3;
}
