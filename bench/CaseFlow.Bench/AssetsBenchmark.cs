using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Bench;

/// <summary>
/// Issue 11 goal: each main page references at most 300 KB of style sheets, scripts and images. The real host on a
/// fresh SQLite database; one user per role signs in, and the pages are found the way a person finds them: the page
/// "/" sends each role to, every page its navigation links to, plus the login page, the registration form and one
/// case's page. For each page the files its HTML references (<c>&lt;link href&gt;</c>, <c>&lt;script src&gt;</c>,
/// <c>&lt;img src&gt;</c>) and those its style sheets reference (<c>url(…)</c>, <c>@import</c>) are fetched once and
/// their bytes added up as served. Hangfire's dashboard (/jobs) is its own product and not counted.
/// </summary>
public static partial class AssetsBenchmark
{
    private const int Budget = 300 * 1024;
    private const string Agency = "bench";

    public static async Task Run()
    {
        await using var database = await BenchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = new BenchHost(database);
        var users = new Dictionary<string, HttpClient>();
        foreach (var role in new[] { Roles.Officer, Roles.LegalAdviser, Roles.Head, Roles.Office, Roles.Admin })
            users[role] = await host.SignedInAsync($"assets-{role.ToLowerInvariant()}", role, Agency);
        var officer = users[Roles.Officer];

        var today = ChinaTime.Today(TimeProvider.System);
        var registered = await officer.PostAsync("/api/cases", new StringContent(
            $$"""{"channel":"InPerson","submittedOn":"{{today:yyyy-MM-dd}}","applicantKind":"NaturalPerson","applicantName":"资源测试申请人","idDocumentNumber":"11010519491231002X","requestedInformation":"资源预算检查"}""",
            Encoding.UTF8, "application/json"));
        if (!registered.IsSuccessStatusCode) throw new InvalidOperationException($"POST /api/cases: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        var caseId = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        // Page path → who looks at it (the first role that reaches it).
        var pages = new SortedDictionary<string, (string Who, HttpClient Client)>(StringComparer.Ordinal)
        {
            ["/login"] = ("anonymous", host.CreateClient()),
            ["/cases/new"] = (Roles.Officer, officer),
            [$"/cases/{caseId}"] = (Roles.Officer, officer),
        };
        foreach (var (role, client) in users)
        {
            using var start = await client.GetAsync("/");
            var startPath = start.RequestMessage!.RequestUri!.AbsolutePath;
            pages.TryAdd(startPath, (role, client));
            foreach (var link in NavLinks(await start.Content.ReadAsStringAsync()))
                pages.TryAdd(link, (role, client));
        }

        var rows = new List<string[]>();
        var over = 0;
        foreach (var (path, (who, client)) in pages)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            if (response.RequestMessage!.RequestUri!.AbsolutePath != path) continue; // "/" only sends each role on to its start page
            var html = await response.Content.ReadAsStringAsync();
            var files = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var url in Referenced(html)) await AddAsync(client, new Uri(response.RequestMessage!.RequestUri!, url), files);
            var total = files.Values.Sum();
            if (total > Budget) over++;
            var byKind = files.GroupBy(f => Kind(f.Key)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count()} ({g.Sum(f => f.Value) / 1024.0:N1} KB)");
            rows.Add([path, who, $"{Encoding.UTF8.GetByteCount(html) / 1024.0:N1} KB", string.Join(", ", byKind), $"{total / 1024.0:N1} KB {CaseApiBenchmark.Check(total <= Budget)}", "≤ 300 KB"]);
        }
        Table.Print(["page", "seen as", "HTML", "files referenced (CSS, JS, images)", "total of the files", "goal"], rows);
        Console.WriteLine();
        Console.WriteLine(over == 0 ? $"All {rows.Count} pages within 300 KB." : $"{over} of {rows.Count} pages over 300 KB.");
    }

    /// <summary>Same-site page links of the navigation (and the rest of the start page), without query or fragment.</summary>
    private static IEnumerable<string> NavLinks(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value))
            .Where(u => u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal))
            .Select(u => u.Split('?', '#')[0])
            .Where(u => u is not "/logout" && !u.StartsWith("/jobs", StringComparison.Ordinal) && !u.StartsWith("/api/", StringComparison.Ordinal)
                        && !u.StartsWith("/openapi", StringComparison.Ordinal) && !u.StartsWith("/health", StringComparison.Ordinal) && Path.GetExtension(u) == "")
            .Distinct();

    private static IEnumerable<string> Referenced(string html) =>
        Asset().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).Where(u => !u.StartsWith("data:", StringComparison.Ordinal)).Distinct();

    private static async Task AddAsync(HttpClient client, Uri url, Dictionary<string, long> files)
    {
        var key = url.PathAndQuery;
        if (files.ContainsKey(key)) return;
        if (!string.Equals(url.Host, client.BaseAddress?.Host, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{url} is not served by CaseFlow itself");
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url}: {(int)response.StatusCode}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        files[key] = bytes.Length;
        if (Kind(key) != "CSS") return;
        foreach (Match m in CssUrl().Matches(Encoding.UTF8.GetString(bytes)))
        {
            var target = m.Groups["url"].Value.Trim().Trim('"', '\'');
            if (target.Length > 0 && !target.StartsWith("data:", StringComparison.Ordinal) && !target.StartsWith('#')) await AddAsync(client, new Uri(url, target), files);
        }
    }

    private static string Kind(string path) => Path.GetExtension(path.Split('?')[0]).ToLowerInvariant() switch
    {
        ".css" => "CSS",
        ".js" or ".mjs" => "JS",
        ".woff" or ".woff2" or ".ttf" or ".otf" => "fonts",
        _ => "images",
    };

    [GeneratedRegex("""<a\b[^>]*?\bhref="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex Href();

    [GeneratedRegex("""<(?:link\b[^>]*?\bhref|script\b[^>]*?\bsrc|img\b[^>]*?\bsrc)="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex Asset();

    [GeneratedRegex("""(?:url\(\s*(?<url>[^)]+)\)|@import\s+["'](?<url>[^"']+)["'])""")]
    private static partial Regex CssUrl();
}
