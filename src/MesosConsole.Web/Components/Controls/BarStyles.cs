namespace MesosConsole.Web.Components.Controls;

/// <summary>
/// Inline styles of the bars and blocks these controls draw. Inline because the app has no scoped-CSS
/// bundle and wwwroot/app.css is shared; they only use MudBlazor's palette variables.
/// </summary>
internal static class BarStyles
{
    public const string Track = "display:flex; height:10px; border-radius:3px; overflow:hidden; background:var(--mud-palette-lines-default);";

    public const string ThinTrack = "display:flex; height:4px; border-radius:2px; overflow:hidden; background:var(--mud-palette-lines-default);";

    public const string SortButton = "all:unset; cursor:pointer; font-weight:500;";

    public static string Fill(string percent, string colour) => $"width:{percent}%; background:{colour};";
}
