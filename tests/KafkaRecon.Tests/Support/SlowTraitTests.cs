using System.Reflection;
using KafkaRecon.Tests.Aws;

namespace KafkaRecon.Tests.Support;

/// <summary>
/// <c>--filter "Category!=Slow"</c> is the developer's quick loop: a class that starts moto must carry the Slow trait,
/// or that loop waits for moto again.
/// </summary>
public sealed class SlowTraitTests
{
    [Fact]
    public void Every_test_class_that_starts_moto_is_marked_slow()
    {
        var unmarked = typeof(SlowTraitTests).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && HasTests(type) && StartsMoto(type) && !IsSlow(type))
            .Select(type => type.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(unmarked.Count == 0,
            "Test classes that start moto without [Trait(\"Category\", \"Slow\")]:\n" + string.Join("\n", unmarked));
    }

    private static bool HasTests(Type type) =>
        type.GetMethods().Any(method => method.GetCustomAttributes<FactAttribute>(inherit: true).Any());

    private static bool StartsMoto(Type type) =>
        type.GetConstructors().SelectMany(constructor => constructor.GetParameters())
            .Any(parameter => typeof(MotoServer).IsAssignableFrom(parameter.ParameterType)) ||
        type.GetCustomAttributesData().Any(attribute =>
            attribute.AttributeType == typeof(CollectionAttribute) &&
            attribute.ConstructorArguments.FirstOrDefault().Value is MotoCollection.Name or FailingBatchMotoCollection.Name);

    private static bool IsSlow(Type type) =>
        type.GetCustomAttributesData().Any(attribute =>
            attribute.AttributeType == typeof(TraitAttribute) &&
            attribute.ConstructorArguments is [{ Value: "Category" }, { Value: "Slow" }]);
}
