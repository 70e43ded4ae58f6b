using System.Globalization;
using MesosConsole.Mesos.V1;
using Attribute = MesosConsole.Mesos.V1.Attribute;

namespace MesosConsole.LocalCluster.Hosting;

/// <summary>Mesos <c>--attributes</c> syntax: <c>rack:r1;zone:z1;weight:2.5</c> (numbers become scalars, the rest text).</summary>
internal static class AttributeParser
{
    public static List<Attribute> Parse(string text)
    {
        var list = new List<Attribute>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == part.Length - 1)
            {
                throw new FormatException($"Attribute '{part}' is not of the form name:value");
            }

            var name = part[..colon].Trim();
            var value = part[(colon + 1)..].Trim();
            list.Add(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? new Attribute { Name = name, Type = Mesos.V1.ValueType.Scalar, Scalar = new Scalar { Value = number } }
                : new Attribute { Name = name, Type = Mesos.V1.ValueType.Text, Text = new Text { Value = value } });
        }

        return list;
    }
}
