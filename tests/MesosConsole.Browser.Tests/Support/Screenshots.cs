using Microsoft.Playwright;

namespace MesosConsole.Browser.Tests.Support;

/// <summary>The README's pictures: each browser test that shows a page at its best saves it here.</summary>
internal static class Screenshots
{
    /// <summary>A full-page PNG of <paramref name="page"/> as docs/screenshots/<paramref name="fileName"/>.</summary>
    public static async Task SaveAsync(IPage page, string fileName)
    {
        var path = Repository.Screenshot(fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, $"{path} is empty");
    }
}
