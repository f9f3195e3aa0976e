using System.Text.Json;
using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CaseFlow.Browser.Tests.Infrastructure;

/// <summary>The real app (Kestrel on a free port, a real SQLite file, the test clock) and Debian's Chromium driven by
/// Playwright — no browser download. One per test class.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;

    public SqliteApp App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        // The date inputs follow the browser's own UI language (the office PCs run Chinese systems), not the page's lang:
        // LANGUAGE picks Chromium's zh-CN (package chromium-l10n). LANG stays a UTF-8 locale that exists on the machine, or
        // Chromium cannot write Chinese download names to disk (they become "download").
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs,
            Env = new Dictionary<string, string> { ["LANGUAGE"] = "zh_CN:zh", ["LANG"] = "C.UTF-8" },
        });
    }

    /// <summary>A fresh browser session (no cookies) at 1366×768, the smallest screen the offices use. Every console
    /// message about a refused script or style (CSP) is collected in <paramref name="cspViolations"/>.</summary>
    public async Task<IPage> NewPageAsync(List<string> cspViolations)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString(), ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        // Injected before any page script through the DevTools protocol, so the pages keep their Content-Security-Policy.
        await context.AddInitScriptAsync(PageChecks.AxeSource.Value);
        var page = await context.NewPageAsync();
        // A 2-core CI machine running the whole suite answers slowly at times; waits are for pages, not for timing.
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) cspViolations.Add(m.Text);
        };
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>What every page must pass: not blank, Chinese glyphs really drawn, no serious or critical axe-core
/// violation (WCAG 2 A/AA), and a screenshot saved for people to look at.</summary>
public static class PageChecks
{
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    internal static readonly Lazy<string> AxeSource = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }
        throw new InvalidOperationException("node_modules/axe-core/axe.min.js not found: run `npm ci` in tests/CaseFlow.Browser.Tests.");
    });

    public static async Task CheckAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

        var text = await page.InnerTextAsync("main");
        Assert.True(text.Trim().Length > 10, $"{name}: the page is blank: '{text}'");
        Assert.True(await page.Locator("h1").CountAsync() == 1, $"{name}: expected exactly one h1");

        await AssertChineseGlyphsDrawnAsync(page, name);
        await AssertNoSeriousAxeViolationsAsync(page, name);
    }

    /// <summary>Draws each distinct Chinese character of the page in the page's own font on a canvas. A character the
    /// fonts cannot draw comes out as the same empty box (.notdef) as any other missing one and as an unassigned code
    /// point, so: every character must differ from the unassigned code point's drawing, and from each other.</summary>
    public static async Task AssertChineseGlyphsDrawnAsync(IPage page, string name)
    {
        var result = await page.EvaluateAsync<JsonElement>("""
            () => {
              const text = document.body.innerText;
              const chars = [...new Set([...text].filter(c => /[\u4e00-\u9fff]/.test(c)))].slice(0, 60);
              const font = getComputedStyle(document.body).fontFamily;
              const canvas = document.createElement('canvas');
              canvas.width = 48; canvas.height = 48;
              const ctx = canvas.getContext('2d', { willReadFrequently: true });
              const draw = ch => {
                ctx.clearRect(0, 0, 48, 48);
                ctx.font = `32px ${font}`;
                ctx.fillStyle = '#000';
                ctx.textBaseline = 'top';
                ctx.fillText(ch, 4, 4);
                const data = ctx.getImageData(0, 0, 48, 48).data;
                let hash = 0, ink = 0;
                for (let i = 3; i < data.length; i += 4) { hash = (hash * 31 + data[i]) | 0; if (data[i] > 0) ink++; }
                return { hash, ink };
              };
              const missing = draw('\u0378');
              const drawn = chars.map(c => ({ c, ...draw(c) }));
              const boxes = drawn.filter(d => d.ink === 0 || d.hash === missing.hash).map(d => d.c);
              const distinct = new Set(drawn.map(d => d.hash)).size;
              return { font, count: chars.length, distinct, boxes: boxes.join('') };
            }
            """);
        var count = result.GetProperty("count").GetInt32();
        Assert.True(count >= 4, $"{name}: expected Chinese text on the page, found {count} distinct characters");
        Assert.True(result.GetProperty("boxes").GetString() == "", $"{name}: characters drawn as missing glyphs: {result.GetProperty("boxes")} (font {result.GetProperty("font")})");
        Assert.True(result.GetProperty("distinct").GetInt32() == count,
            $"{name}: {count} distinct Chinese characters drew only {result.GetProperty("distinct")} distinct shapes (missing glyph boxes?)");
    }

    /// <summary>axe-core is on every page through the context's init script (see <see cref="BrowserApp.NewPageAsync"/>).</summary>
    public static async Task AssertNoSeriousAxeViolationsAsync(IPage page, string name)
    {
        var violations = await page.EvaluateAsync<string[]>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        Assert.True(violations.Length == 0, $"{name}: axe-core violations:\n{string.Join("\n", violations)}");
    }
}
