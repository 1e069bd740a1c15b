using Mono.Cecil;
using Mono.Cecil.Cil;

namespace KafkaRecon.Tests.Architecture;

/// <summary>
/// Reads an assembly's IL and yields, for each of its types, every type it names: in signatures, attributes, locals and
/// the operands of its instructions (so a <c>new</c> or a static call counts, not only a field's type).
/// </summary>
internal static class TypeDependencies
{
    public static IEnumerable<(TypeDefinition From, TypeReference To)> Of(ModuleDefinition module) =>
        module.GetTypes().SelectMany(type => Named(type).SelectMany(Expand).Select(to => (type, to)));

    private static IEnumerable<TypeReference?> Named(TypeDefinition type)
    {
        yield return type.BaseType;
        foreach (var implemented in type.Interfaces) yield return implemented.InterfaceType;
        foreach (var attribute in Attributes(type)) yield return attribute;
        foreach (var constraint in type.GenericParameters.SelectMany(p => p.Constraints)) yield return constraint.ConstraintType;
        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
            foreach (var attribute in Attributes(field)) yield return attribute;
        }
        foreach (var property in type.Properties)
        {
            yield return property.PropertyType;
            foreach (var attribute in Attributes(property)) yield return attribute;
        }
        foreach (var @event in type.Events) yield return @event.EventType;
        foreach (var method in type.Methods)
        {
            foreach (var named in InMethod(method)) yield return named;
        }
    }

    private static IEnumerable<TypeReference?> InMethod(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var parameter in method.Parameters) yield return parameter.ParameterType;
        foreach (var attribute in Attributes(method)) yield return attribute;
        foreach (var constraint in method.GenericParameters.SelectMany(p => p.Constraints)) yield return constraint.ConstraintType;
        if (!method.HasBody)
        {
            yield break;
        }
        foreach (var variable in method.Body.Variables) yield return variable.VariableType;
        foreach (var handler in method.Body.ExceptionHandlers) yield return handler.CatchType;
        foreach (var instruction in method.Body.Instructions)
        {
            foreach (var named in InOperand(instruction)) yield return named;
        }
    }

    private static IEnumerable<TypeReference?> InOperand(Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference type:
                yield return type;
                break;
            case MethodReference method:
                yield return method.DeclaringType;
                yield return method.ReturnType;
                foreach (var parameter in method.Parameters) yield return parameter.ParameterType;
                if (method is GenericInstanceMethod generic)
                {
                    foreach (var argument in generic.GenericArguments) yield return argument;
                }
                break;
            case FieldReference field:
                yield return field.DeclaringType;
                yield return field.FieldType;
                break;
        }
    }

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.SelectMany(attribute =>
            attribute.ConstructorArguments.Select(argument => argument.Value).OfType<TypeReference>()
                .Prepend(attribute.AttributeType));

    /// <summary>A generic instance names its arguments too; arrays and by-refs name their element.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference? type)
    {
        switch (type)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var inner in Expand(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Expand)))
                    yield return inner;
                break;
            case TypeSpecification specification:
                foreach (var inner in Expand(specification.ElementType)) yield return inner;
                break;
            default:
                yield return type;
                break;
        }
    }
}
