namespace KafkaRecon.ApiServer.Semantics;

/// <summary>Per-request write settings and the warnings the response must carry.</summary>
internal sealed class WriteContext(FieldValidationMode fieldValidation)
{
    public FieldValidationMode FieldValidation { get; } = fieldValidation;

    public List<string> Warnings { get; } = [];
}
