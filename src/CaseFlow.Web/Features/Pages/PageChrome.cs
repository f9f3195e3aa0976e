using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Web.Features.Auth;
using CaseFlow.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Pages;

/// <summary>What the top bar and the navigation show for the signed-in user.</summary>
public sealed class PageChrome(CaseFlowDbContext db)
{
    public sealed record NavLink(string Href, string Label);

    public sealed record View(string DisplayName, string RoleLabels, string AgencyName, int Unread, IReadOnlyList<NavLink> Nav);

    /// <summary>Each role's start page, in the order the navigation lists them.</summary>
    public static readonly IReadOnlyList<(string Role, string Href, string Label)> StartPages =
    [
        (Roles.Officer, "/cases", "待办案件"),
        (Roles.LegalAdviser, "/review", "法律审核"),
        (Roles.Head, "/approvals", "待我审批"),
        (Roles.Office, "/supervision", "督办"),
        (Roles.Admin, "/admin", "系统管理"),
    ];

    public static string StartPageOf(ClaimsPrincipal user) =>
        StartPages.FirstOrDefault(p => user.IsInRole(p.Role)).Href ?? "/notifications";

    public async Task<View?> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var name = user.Identity.Name!;
        var code = user.Agency() ?? "";
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? code;
        var unread = await db.Notifications.AsNoTracking().CountAsync(n => n.UserName == name && n.ReadAtUtc == null, ct);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(Roles.Labels.ContainsKey).Select(r => Roles.Labels[r]);
        var nav = new List<NavLink>();
        foreach (var (role, href, label) in StartPages)
            if (user.IsInRole(role)) nav.Add(new(href, label));
        if (user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Office)) nav.Insert(Math.Min(1, nav.Count), new("/cases/new", "登记申请"));
        // The office's year-end report sits beside its supervision page.
        if (user.IsInRole(Roles.Office)) nav.Insert(nav.FindIndex(n => n.Href == "/supervision") + 1, new("/reports/annual", "年度报告"));
        if (!nav.Any(n => n.Href == "/cases") && (user.IsInRole(Roles.Head) || user.IsInRole(Roles.Office) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ConfidentialityReviewer)))
            nav.Add(new("/cases", "全部案件"));
        if (user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Office)) nav.Add(new("/proceedings", "复议诉讼"));
        nav.Add(new("/notifications", "提醒与督办"));
        return new View(user.FindFirstValue("caseflow:displayName") is { Length: > 0 } d ? d : name, string.Join("、", roles), agency, unread, nav);
    }
}
