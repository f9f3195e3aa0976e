namespace CaseFlow.Web.Features.Pages;

/// <summary>The server-rendered pages: Razor Pages live beside the API of their feature
/// (<c>Features/&lt;Feature&gt;/Pages/*.cshtml</c>, each with an absolute <c>@page "/route"</c>), share its handlers and
/// use one layout (<c>Features/Pages/Shared/_Layout.cshtml</c>).</summary>
public static class PagesSetup
{
    /// <summary>Paths that belong to machines: they answer problems (401/403 as problem+json), never pages or redirects.</summary>
    private static readonly string[] ApiPrefixes = ["/api", "/openapi", "/health", "/jobs"];

    public static bool IsApiPath(PathString path) => ApiPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public static IServiceCollection AddCaseFlowPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
        });
        // Chinese stays readable in the HTML source; markup characters are still encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<PageChrome>();
        services.AddScoped<Cases.Pages.PageActions>();
        return services;
    }

    /// <summary>Static files, security headers and the status pages of the UI. Call before authentication, after the
    /// exception handler.</summary>
    public static WebApplication UseCaseFlowPages(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (!IsApiPath(http.Request.Path))
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
            }
            await next();
        });
        app.UseStaticFiles();
        // An empty 403/404 on a page path becomes the Chinese refusal or not-found page with the same status.
        app.UseWhen(http => !IsApiPath(http.Request.Path), branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
        // Routing after the status-code pages, so a re-executed request is routed to the error page.
        app.UseRouting();
        return app;
    }

    public static WebApplication MapCaseFlowPages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
