using System.Security.Claims;
using System.Text.RegularExpressions;
using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Domain;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Auth;
using CaseFlow.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Agencies;

public static partial class AgenciesApi
{
    public sealed record Body(string? Code, string? Name, string? ParentCode, int? CorrectionPeriodWorkingDays);

    public sealed record AgencyView(string Code, string Name, string? ParentCode, int CorrectionPeriodWorkingDays);

    public static IEndpointRouteBuilder MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/agencies").WithTags("Agencies 机关").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Office));
        api.MapGet("/", List).WithName("listAgencies").WithSummary("机关树：系统管理员看全部，政务公开办看本机关及下级");
        api.MapPost("/", Create).WithName("createAgency").Produces<AgencyView>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("新建机关：系统管理员可建任意机关；政务公开办只能在本机关之下新建");
        return app;
    }

    public static async Task<IReadOnlyList<AgencyView>> List(ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        var visible = await AgencyTree.VisibleToAsync(user, db, ct);
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        return [.. all.Where(a => visible is null || visible.Contains(a.Code)).Select(View)];
    }

    public static async Task<IResult> Create(Body? body, ClaimsPrincipal user, CaseFlowDbContext db, Calendar.CalendarProvider calendars, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (body is null) throw new ValidationFailedException("body", "请求体不能为空。");
        if (string.IsNullOrWhiteSpace(body.Code) || !CodePattern().IsMatch(body.Code))
            errors.Add(new("code", "机关代码须为 1–64 位小写英文字母、数字或连字符，以字母或数字开头。"));
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200) errors.Add(new("name", "必填，不超过 200 个字符。"));
        if (body.CorrectionPeriodWorkingDays is < 1 or > 60) errors.Add(new("correctionPeriodWorkingDays", "补正期限须在 1 至 60 个工作日之间。"));
        ValidationFailedException.ThrowIfAny(errors);

        var parents = await AgencyTree.ParentsAsync(db, ct);
        if (parents.ContainsKey(body.Code!)) throw new ConflictException($"机关代码“{body.Code}”已存在。");
        if (body.ParentCode is not null && !parents.ContainsKey(body.ParentCode))
            throw new ValidationFailedException("parentCode", $"上级机关“{body.ParentCode}”不存在。");
        if (!user.IsInRole(Roles.Admin))
        {
            var own = user.Agency() ?? "";
            if (body.ParentCode is null || !AgencyTree.Subtree(parents, own).Contains(body.ParentCode))
                throw new ForbiddenException("政务公开办只能在本机关或其下级机关之下新建机关。");
        }

        var agency = new Agency { Code = body.Code!, Name = body.Name!.Trim(), ParentCode = body.ParentCode, CorrectionPeriodWorkingDays = body.CorrectionPeriodWorkingDays ?? 15 };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        calendars.Invalidate(); // local days of the parent now apply to the new agency
        return TypedResults.Created($"/api/agencies/{agency.Code}", View(agency));
    }

    private static AgencyView View(Agency a) => new(a.Code, a.Name, a.ParentCode, a.CorrectionPeriodWorkingDays);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex CodePattern();
}
