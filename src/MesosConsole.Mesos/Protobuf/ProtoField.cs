using System.Collections;
using System.Reflection;

namespace MesosConsole.Mesos.Protobuf;

/// <summary>
/// One field of a message: its proto number and kind, bound to the C# property that holds it in the
/// wire types (the same property the JSON mapping uses, so both codecs share one set of classes).
/// </summary>
public sealed class ProtoField
{
    internal ProtoField(int number, PropertyInfo property, ProtoKind kind, Type elementType, bool repeated, IReadOnlyList<string>? enumNames)
    {
        Number = number;
        Property = property;
        Kind = kind;
        ElementType = elementType;
        IsRepeated = repeated;
        EnumNames = enumNames;
        Name = JsonNames.Of(property);
    }

    public int Number { get; }

    /// <summary>The proto field name, i.e. the JSON key (snake_case).</summary>
    public string Name { get; }

    public PropertyInfo Property { get; }

    public ProtoKind Kind { get; }

    /// <summary>The CLR type of one value: the property type, or the list element type when repeated.</summary>
    public Type ElementType { get; }

    public bool IsRepeated { get; }

    /// <summary>For <see cref="ProtoKind.NamedEnum"/>: the value names, indexed by enum number.</summary>
    public IReadOnlyList<string>? EnumNames { get; }

    /// <summary>For <see cref="ProtoKind.NamedEnum"/>: the number of a value name, or -1 when unknown.</summary>
    internal int EnumNumberOf(string name)
    {
        for (var number = 0; number < EnumNames!.Count; number++)
        {
            if (string.Equals(EnumNames[number], name, StringComparison.Ordinal))
            {
                return number;
            }
        }

        return -1;
    }

    internal WireType WireType => ProtoKinds.WireTypeOf(Kind);

    internal IList NewList() => (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(ElementType))!;
}
