using System.Globalization;

namespace MesosConsole.Web.Model;

/// <summary>Times as the pages show them: absolute in UTC, or relative to "now" from the injected clock.</summary>
public static class TimeText
{
    public static string Absolute(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"12 s ago", "3 min ago", "5 h ago", "2 d ago"; "in 4 s" for a time ahead of the clock.</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        var future = span < TimeSpan.Zero;
        var magnitude = future ? -span : span;
        var amount = magnitude.TotalSeconds < 60 ? $"{(int)magnitude.TotalSeconds} s"
            : magnitude.TotalMinutes < 60 ? $"{(int)magnitude.TotalMinutes} min"
            : magnitude.TotalHours < 24 ? $"{(int)magnitude.TotalHours} h"
            : $"{(int)magnitude.TotalDays} d";
        return future ? $"in {amount}" : $"{amount} ago";
    }
}
