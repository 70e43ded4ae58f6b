using System.Text.Json.Serialization;

namespace MesosConsole.Mesos.V1;

/// <summary>mesos.v1.Value.Type.</summary>
public enum ValueType
{
    Scalar = 0,
    Ranges = 1,
    Set = 2,
    Text = 3,
}

public sealed class Scalar
{
    public double? Value { get; set; }
}

public sealed class ValueRange
{
    public ulong? Begin { get; set; }
    public ulong? End { get; set; }
}

public sealed class Ranges
{
    public List<ValueRange>? Range { get; set; }
}

public sealed class ValueSet
{
    public List<string>? Item { get; set; }
}

public sealed class Text
{
    public string? Value { get; set; }
}

public sealed class AllocationInfo
{
    public string? Role { get; set; }
}

public sealed class ReservationInfo
{
    public string? Type { get; set; }
    public string? Role { get; set; }
    public string? Principal { get; set; }
    public Labels? Labels { get; set; }
}

public sealed class Resource
{
    public string? Name { get; set; }
    public ValueType? Type { get; set; }
    public Scalar? Scalar { get; set; }
    public Ranges? Ranges { get; set; }
    public ValueSet? Set { get; set; }
    /// <summary>Pre-refinement role ("*" for unreserved), sent to frameworks without RESERVATION_REFINEMENT.</summary>
    public string? Role { get; set; }
    public AllocationInfo? AllocationInfo { get; set; }
    public ReservationInfo? Reservation { get; set; }
    public List<ReservationInfo>? Reservations { get; set; }
    public bool? Shared { get; set; }
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Other { get; set; }
}

public sealed class Attribute
{
    public string? Name { get; set; }
    public ValueType? Type { get; set; }
    public Scalar? Scalar { get; set; }
    public Ranges? Ranges { get; set; }
    public ValueSet? Set { get; set; }
    public Text? Text { get; set; }
}

public sealed class Label
{
    public string? Key { get; set; }
    public string? Value { get; set; }
}

public sealed class Labels
{
    [JsonPropertyName("labels")]
    public List<Label>? Items { get; set; }
}

public sealed class DurationInfo
{
    public long? Nanoseconds { get; set; }
}

public sealed class TimeInfo
{
    public long? Nanoseconds { get; set; }
}
