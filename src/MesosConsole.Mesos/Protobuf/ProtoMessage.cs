using System.Collections.Frozen;
using System.Reflection;

namespace MesosConsole.Mesos.Protobuf;

/// <summary>A message type of the schema: its fields in field-number order and how to build an instance.</summary>
public sealed class ProtoMessage
{
    private readonly FrozenDictionary<int, int> _slotByNumber;
    private readonly ConstructorInfo? _parameterless;
    private readonly ConstructorInfo? _primary;
    private readonly int[]? _primarySlots;

    internal ProtoMessage(Type type, IEnumerable<ProtoField> fields, IEnumerable<PropertyInfo> jsonOnly)
    {
        Type = type;
        Fields = fields.OrderBy(f => f.Number).ToArray();
        JsonOnly = jsonOnly.ToArray();
        _slotByNumber = Fields.Select((f, slot) => (f.Number, slot)).ToFrozenDictionary(x => x.Number, x => x.slot);
        _parameterless = type.GetConstructor(Type.EmptyTypes);
        if (_parameterless is null)
        {
            // Positional records (the id types): the constructor whose parameters are the mapped properties.
            _primary = type.GetConstructors().FirstOrDefault(c => c.GetParameters().All(p => SlotOf(p.Name) >= 0))
                ?? throw new InvalidOperationException($"{type.Name} has neither a parameterless constructor nor one taking its proto fields");
            _primarySlots = _primary.GetParameters().Select(p => SlotOf(p.Name)).ToArray();
        }
    }

    public Type Type { get; }

    public IReadOnlyList<ProtoField> Fields { get; }

    /// <summary>
    /// Properties that only JSON carries (raw <c>JsonElement</c> payloads and <c>[JsonExtensionData]</c>):
    /// their proto shape is not modelled, so protobuf skips them on write and drops them on read.
    /// </summary>
    public IReadOnlyList<PropertyInfo> JsonOnly { get; }

    internal bool TryGetSlot(int fieldNumber, out int slot) => _slotByNumber.TryGetValue(fieldNumber, out slot);

    /// <summary>Builds an instance from decoded values, one per field slot (null = absent).</summary>
    internal object Create(object?[] values)
    {
        if (_parameterless is not null)
        {
            var instance = _parameterless.Invoke(null);
            for (var slot = 0; slot < values.Length; slot++)
            {
                if (values[slot] is { } value)
                {
                    Fields[slot].Property.SetValue(instance, value);
                }
            }

            return instance;
        }

        return _primary!.Invoke(_primarySlots!.Select(slot => values[slot]).ToArray());
    }

    private int SlotOf(string? parameterName)
    {
        for (var slot = 0; slot < Fields.Count; slot++)
        {
            if (string.Equals(Fields[slot].Property.Name, parameterName, StringComparison.OrdinalIgnoreCase))
            {
                return slot;
            }
        }

        return -1;
    }
}
