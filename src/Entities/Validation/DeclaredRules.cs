using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace KafkaRecon.Entities.Validation;

/// <summary>
/// Enforces what the spec types declare — <c>[Required]</c>, <c>[Range]</c>, <c>[MinLength]</c>, <c>[MaxLength]</c>,
/// <c>[RegularExpression]</c> — the same attributes the CRD schema is generated from, so a resource run from a file
/// meets the bounds the API server would have enforced in the cluster.
/// </summary>
internal static class DeclaredRules
{
    public static void Check(object section, string path, List<SpecError> errors)
    {
        foreach (var property in section.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name is not { } name)
            {
                continue;
            }
            var field = $"{path}.{name}";
            var value = property.GetValue(section);
            if (value is null)
            {
                if (property.GetCustomAttribute<RequiredAttribute>() is not null || IsMandatorySection(property))
                {
                    errors.Add(new(field, "is required and may not be null"));
                }
                continue;
            }
            CheckValue(property, field, value, errors);
            if (IsSection(property.PropertyType))
            {
                Check(value, field, errors);
            }
        }
    }

    private static void CheckValue(PropertyInfo property, string field, object value, List<SpecError> errors)
    {
        if (property.GetCustomAttribute<RangeAttribute>() is { } range && IsNumber(value))
        {
            var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            var minimum = Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture);
            var maximum = Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture);
            if (number < minimum || number > maximum)
            {
                errors.Add(new(field, maximum >= long.MaxValue
                    ? $"{number} is below the minimum {minimum}"
                    : $"{number} is outside {minimum}..{maximum}"));
            }
        }
        if (property.GetCustomAttribute<MinLengthAttribute>() is { } minLength && Length(value) < minLength.Length)
        {
            errors.Add(new(field, minLength.Length == 1 ? "may not be empty" : $"needs at least {minLength.Length} entries"));
        }
        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } maxLength && Length(value) > maxLength.Length)
        {
            errors.Add(new(field, $"is longer than {maxLength.Length}"));
        }
        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } regex && value is string text
            && !Regex.IsMatch(text, regex.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            errors.Add(new(field, $"'{text}' does not match {regex.Pattern}"));
        }
    }

    /// <summary>A nested spec section (e.g. <c>spec.output</c>) that the type does not declare nullable.</summary>
    private static bool IsMandatorySection(PropertyInfo property) =>
        IsSection(property.PropertyType)
        && new NullabilityInfoContext().Create(property).ReadState != NullabilityState.Nullable; // the context is not thread-safe

    private static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace == typeof(KafkaReconciliationSpec).Namespace;

    private static bool IsNumber(object value) => value is int or long or short or double or float or decimal;

    private static int Length(object value) => value switch
    {
        string text => text.Length,
        System.Collections.ICollection collection => collection.Count,
        _ => int.MaxValue / 2,
    };
}
