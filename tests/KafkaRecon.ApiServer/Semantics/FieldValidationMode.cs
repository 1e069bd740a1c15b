namespace KafkaRecon.ApiServer.Semantics;

/// <summary>The <c>fieldValidation</c> query parameter: what happens to fields the schema does not declare.</summary>
internal enum FieldValidationMode
{
    /// <summary>Pruned silently.</summary>
    Ignore,

    /// <summary>Pruned with a <c>Warning</c> response header (the server's default).</summary>
    Warn,

    /// <summary>Rejected with 400 BadRequest (what kubectl asks for).</summary>
    Strict,
}
