namespace KafkaRecon.Entities.Validation;

/// <summary>
/// <c>spec.verification.collections</c>: each entry meets its declared bounds (named by index) and an ignoring entry
/// sets no limits (they would never apply, which a reader would not expect).
/// </summary>
internal static class CollectionRulesCheck
{
    public static void Check(VerificationSpec verification, List<SpecError> errors)
    {
        for (var index = 0; index < verification.Collections.Count; index++)
        {
            var path = $"spec.verification.collections[{index}]";
            if (verification.Collections[index] is not { } rule)
            {
                errors.Add(new(path, "is null; expected {database, collection} patterns and limits or ignore: true"));
                continue;
            }
            DeclaredRules.Check(rule, path, errors);
            if (rule.Ignore && (rule.MaxMissingExports ?? rule.MaxMissingImports ?? rule.MaxMismatchedTimestamps) is not null)
            {
                errors.Add(new($"{path}.ignore", "is true, so the entry's limits would never apply; remove them or ignore"));
            }
        }
    }
}
