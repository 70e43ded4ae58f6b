using System.Globalization;

namespace MesosConsole.Allocation;

/// <summary>
/// Scalars are kept as whole thousandths, like Mesos, so 0.1 + 0.2 is exactly 0.3 and repeated
/// add/subtract cycles (offer, decline, offer…) never drift.
/// </summary>
internal static class FixedPoint
{
    public const long Scale = 1000;

    /// <summary>Largest scalar we accept; keeps sums of many agents far from overflowing a long.</summary>
    public const double MaxValue = 1e12;

    public static long ToMilli(double value) => (long)Math.Round(value * Scale, MidpointRounding.AwayFromZero);

    public static double ToDouble(long milli) => milli / (double)Scale;

    public static string Format(long milli) =>
        (milli / (decimal)Scale).ToString("0.###", CultureInfo.InvariantCulture);
}
