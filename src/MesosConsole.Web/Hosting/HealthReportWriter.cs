using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MesosConsole.Web.Hosting;

/// <summary>Writes the health report as plain text: the status, then one line per check with its reason.</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder().AppendLine(report.Status.ToString());
        foreach (var (name, entry) in report.Entries)
        {
            text.AppendLine($"{name}: {entry.Status}: {entry.Description}");
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}
