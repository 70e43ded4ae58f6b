using System.Linq.Expressions;
using System.Reflection;

namespace MesosConsole.Mesos.Protobuf;

/// <summary>Collects message definitions; <see cref="Build"/> checks them and freezes a <see cref="ProtoSchema"/>.</summary>
public sealed class ProtoSchemaBuilder
{
    private readonly Dictionary<Type, ProtoMessage> _messages;

    public ProtoSchemaBuilder()
        : this([])
    {
    }

    internal ProtoSchemaBuilder(IEnumerable<ProtoMessage> existing) => _messages = existing.ToDictionary(m => m.Type);

    /// <summary>Defines the fields of <typeparamref name="T"/>.</summary>
    public ProtoSchemaBuilder Message<T>(Action<MessageBuilder<T>> define)
        where T : class
    {
        var builder = new MessageBuilder<T>();
        define(builder);
        if (!_messages.TryAdd(typeof(T), builder.Build()))
        {
            throw new InvalidOperationException($"{typeof(T).Name} is defined twice");
        }

        return this;
    }

    /// <summary>Fails when a message field refers to a type that has no definition.</summary>
    public ProtoSchema Build()
    {
        foreach (var message in _messages.Values)
        {
            foreach (var field in message.Fields.Where(f => f.Kind == ProtoKind.Message))
            {
                if (!_messages.ContainsKey(field.ElementType))
                {
                    throw new InvalidOperationException($"{message.Type.Name}.{field.Property.Name} refers to {field.ElementType.Name}, which has no proto definition");
                }
            }
        }

        return new ProtoSchema(_messages);
    }
}

/// <summary>
/// The fields of one message. Every public property must be given a field number or be declared
/// <see cref="JsonOnly"/>, so a property added to a wire class cannot silently go missing in protobuf.
/// </summary>
public sealed class MessageBuilder<T>
    where T : class
{
    private readonly List<ProtoField> _fields = [];
    private readonly List<PropertyInfo> _jsonOnly = [];

    /// <summary>A field whose proto type follows from the property's C# type (string, int, enum, message, list of those…).</summary>
    public MessageBuilder<T> Field<TValue>(int number, Expression<Func<T, TValue>> property) => Add(number, property, kind: null);

    /// <summary>A proto <c>bytes</c> field that the C# class keeps as a Base64 string (its JSON form).</summary>
    public MessageBuilder<T> Base64Bytes(int number, Expression<Func<T, string?>> property) => Add(number, property, ProtoKind.Base64Bytes);

    /// <summary>A proto enum that the C# class keeps as the value name; <paramref name="namesByNumber"/>[n] is the name of value n.</summary>
    public MessageBuilder<T> NamedEnum(int number, Expression<Func<T, string?>> property, params string[] namesByNumber) =>
        Add(number, property, ProtoKind.NamedEnum, namesByNumber);

    /// <summary>An empty proto message (such as SharedInfo) that the C# class keeps as a bool.</summary>
    public MessageBuilder<T> PresenceFlag(int number, Expression<Func<T, bool?>> property) => Add(number, property, ProtoKind.PresenceFlag);

    /// <summary>A property that exists only in JSON (see <see cref="ProtoMessage.JsonOnly"/>).</summary>
    public MessageBuilder<T> JsonOnly<TValue>(Expression<Func<T, TValue>> property)
    {
        _jsonOnly.Add(PropertyOf(property));
        return this;
    }

    internal ProtoMessage Build()
    {
        var covered = _fields.Select(f => f.Property).Concat(_jsonOnly).ToHashSet();
        var missing = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && !covered.Contains(p))
            .Select(p => p.Name)
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has properties without a field number: {string.Join(", ", missing)}");
        }

        var duplicate = _fields.GroupBy(f => f.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"{typeof(T).Name} uses field number {duplicate.Key} twice");
        }

        return new ProtoMessage(typeof(T), _fields, _jsonOnly);
    }

    private MessageBuilder<T> Add(int number, LambdaExpression property, ProtoKind? kind, IReadOnlyList<string>? enumNames = null)
    {
        if (number is < 1 or > 536_870_911 or >= 19_000 and <= 19_999)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "not a valid protobuf field number");
        }

        var info = PropertyOf(property);
        var type = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
        var repeated = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>);
        var element = repeated ? type.GetGenericArguments()[0] : type;
        var resolved = kind ?? ProtoKinds.Infer(element)
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{info.Name}: no proto type for {element.Name}; declare it JsonOnly");
        _fields.Add(new ProtoField(number, info, resolved, element, repeated, enumNames));
        return this;
    }

    private static PropertyInfo PropertyOf(LambdaExpression expression)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : expression.Body;
        return body is MemberExpression { Member: PropertyInfo property } && property.DeclaringType!.IsAssignableFrom(typeof(T))
            ? typeof(T).GetProperty(property.Name)!
            : throw new ArgumentException($"Expected a property of {typeof(T).Name}: {expression}");
    }
}
