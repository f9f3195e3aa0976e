using System.Globalization;
using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Data.Proceedings;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Admin;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Auth;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Proceedings;

/// <summary>
/// Reviews and lawsuits that concern no case (domain.md §2.9: e.g. over proactive disclosure): recorded by the office
/// or an officer of the agency, with the agency's response due date (10 / 5 working days for a review, 15 calendar
/// days rolled forward for a lawsuit), and later their result. They count in table 四 of the agency and the year they
/// were filed, like a case's, so a locked report refuses a change to its figures (409). Every change is audited.
/// </summary>
public static class AgencyProceedingsApi
{
    public sealed record RecordBody(string? Agency, ProceedingKind? Kind, string? Body, string? Subject, DateOnly? FiledOn, DateOnly? CopyReceivedOn,
        bool? SimpleProcedure, long? ReviewId);

    public sealed record ResultBody(ProceedingResult? Result, DateOnly? DecidedOn);

    public sealed record View(long Id, string Label, string Agency, ProceedingKind Kind, string Body, string? Subject, DateOnly FiledOn, DateOnly CopyReceivedOn,
        bool SimpleProcedure, DateOnly ResponseDueOn, long? ReviewId, ProceedingResult? Result, DateOnly? DecidedOn, string CreatedBy, DateTime CreatedAtUtc);

    /// <summary>How a proceeding without a case is named where a case number would stand (drill-down, lists).</summary>
    public static string Label(long id) => string.Create(CultureInfo.InvariantCulture, $"无案件复议诉讼-{id}");

    public static IEndpointRouteBuilder MapAgencyProceedingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proceedings").WithTags("Proceedings 无案件的复议与诉讼")
            .RequireAuthorization(p => p.RequireRole(Roles.Office, Roles.Officer))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", List).WithName("listAgencyProceedings").WithSummary("本机关无案件的行政复议、行政诉讼（可按年份筛选）");
        group.MapPost("/", Record).WithName("recordAgencyProceeding").Produces<View>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("登记不涉及具体申请的行政复议或行政诉讼（计入表四）");
        group.MapPost("/{id:long}/result", RecordResult).WithName("recordAgencyProceedingResult").Produces<View>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("登记其结果（维持、纠正、其他）");
        return app;
    }

    public static async Task<IReadOnlyList<View>> List(string? agency, int? year, ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        var code = await AgencyOfAsync(agency, user, db, ct);
        var query = db.AgencyProceedings.AsNoTracking().Where(p => p.AgencyCode == code);
        if (year is { } y)
        {
            var input = new Input();
            input.YearInRange(y, "year");
            input.ThrowIfInvalid();
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            query = query.Where(p => p.FiledOn >= from && p.FiledOn <= to);
        }
        var rows = await query.OrderByDescending(p => p.FiledOn).ThenByDescending(p => p.Id).ToListAsync(ct);
        return [.. rows.Select(ViewOf)];
    }

    public static async Task<IResult> Record(RecordBody? body, ClaimsPrincipal user, CaseFlowDbContext db, CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        var row = await RecordAsync(body, user, db, calendars, time, ct);
        return TypedResults.Created($"/api/proceedings/{row.Id}", ViewOf(row));
    }

    /// <summary>Records a proceeding without a case (shared by the API and the /proceedings page).</summary>
    public static async Task<AgencyProceeding> RecordAsync(RecordBody? body, ClaimsPrincipal user, CaseFlowDbContext db, CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        if (body is null) throw new ValidationFailedException("body", "请求体不能为空。");
        var code = await AgencyOfAsync(body.Agency, user, db, ct);
        var today = ChinaTime.Today(time);
        var errors = new List<FieldError>();
        if (body.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add(new("kind", "必填：行政复议（Review）、未经复议直接起诉（Lawsuit）或复议后起诉（LawsuitAfterReview）。"));
        if (string.IsNullOrWhiteSpace(body.Body)) errors.Add(new("body", "须填写复议机关或法院。"));
        else if (body.Body.Trim().Length > TextLimits.Name) errors.Add(new("body", $"不能超过 {TextLimits.Name} 个字符。"));
        if (body.Subject is { Length: > TextLimits.Reason }) errors.Add(new("subject", $"不能超过 {TextLimits.Reason} 个字符。"));
        if (body.FiledOn is null) errors.Add(new("filedOn", "必填：申请复议或起诉的日期。"));
        if (LegalDates.CheckPast(body.FiledOn, "filedOn", today) is { } f) errors.Add(f);
        if (LegalDates.CheckPast(body.CopyReceivedOn, "copyReceivedOn", today) is { } r) errors.Add(r);
        if (body.CopyReceivedOn is { } copy && body.FiledOn is { } filed && copy < filed) errors.Add(new("copyReceivedOn", "收到副本日期不能早于申请或起诉日期。"));
        ValidationFailedException.ThrowIfAny(errors);

        var filedOn = body.FiledOn!.Value;
        if (body.ReviewId is { } reviewId)
        {
            if (body.Kind != ProceedingKind.LawsuitAfterReview) throw new ValidationFailedException("reviewId", "只有“复议后起诉”的行政诉讼才关联行政复议。");
            var review = await db.AgencyProceedings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == reviewId && p.AgencyCode == code && p.Kind == ProceedingKind.Review, ct)
                ?? throw new ValidationFailedException("reviewId", $"本机关没有编号为 {reviewId} 的无案件行政复议。");
            if (review.DecidedOn is not { } decided) throw new ValidationFailedException("reviewId", "该行政复议尚未作出决定，不能复议后起诉（行政诉讼法第四十五条）。");
            if (filedOn < decided) throw new ValidationFailedException("filedOn", $"起诉日期不能早于复议决定日期 {decided:yyyy-MM-dd}。");
        }

        var calendar = await calendars.GetAsync(code, ct);
        var copyReceivedOn = body.CopyReceivedOn ?? filedOn;
        var simple = body.SimpleProcedure == true && body.Kind == ProceedingKind.Review;
        var row = new AgencyProceeding
        {
            AgencyCode = code, Kind = body.Kind!.Value, Body = body.Body!.Trim(), Subject = string.IsNullOrWhiteSpace(body.Subject) ? null : body.Subject.Trim(),
            FiledOn = filedOn, CopyReceivedOn = copyReceivedOn, SimpleProcedure = simple,
            ResponseDueOn = DisclosureRequest.ProceedingResponseDue(calendar, body.Kind!.Value, copyReceivedOn, simple),
            ReviewId = body.ReviewId, CreatedBy = user.Identity!.Name!, CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await EnsureNotLockedAsync(db, code, null, row, ct);
        db.AgencyProceedings.Add(row);
        await db.SaveChangesAsync(ct);
        AuditLog.Stage(db, user, "recordProceeding", Target(row.Id), $"{code} {FieldLabelOf(row.Kind)} {row.Body} {row.FiledOn:yyyy-MM-dd}", time);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row;
    }

    public static async Task<View> RecordResult(long id, ResultBody? body, ClaimsPrincipal user, CaseFlowDbContext db, TimeProvider time, CancellationToken ct) =>
        ViewOf(await RecordResultAsync(id, body, user, db, time, ct));

    /// <summary>Records the result of a pending proceeding without a case (shared by the API and the page).</summary>
    public static async Task<AgencyProceeding> RecordResultAsync(long id, ResultBody? body, ClaimsPrincipal user, CaseFlowDbContext db, TimeProvider time, CancellationToken ct)
    {
        var row = await db.AgencyProceedings.FirstOrDefaultAsync(p => p.Id == id, ct);
        var visible = row is null ? null : await AgencyTree.VisibleToAsync(user, db, ct);
        if (row is null || (visible is not null && !visible.Contains(row.AgencyCode)))
            throw new NotFoundException($"没有编号为 {id} 的无案件复议或诉讼，或无权查看。");
        if (row.Result is not null) throw new ConflictException($"{Label(id)} 已登记结果。");
        var today = ChinaTime.Today(time);
        var errors = new List<FieldError>();
        if (body?.Result is not { } result || !Enum.IsDefined(result)) errors.Add(new("result", "必填：维持（Upheld）、纠正（Corrected）或其他（Other）。"));
        var decidedOn = body?.DecidedOn ?? today;
        if (LegalDates.CheckPast(decidedOn, "decidedOn", today) is { } d) errors.Add(d);
        else if (decidedOn < row.FiledOn) errors.Add(new("decidedOn", "结果日期不能早于申请或起诉日期。"));
        ValidationFailedException.ThrowIfAny(errors);

        var before = Snapshot(row);
        row.Result = body!.Result;
        row.DecidedOn = decidedOn;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await EnsureNotLockedAsync(db, row.AgencyCode, before, row, ct);
        AuditLog.Stage(db, user, "recordProceedingResult", Target(row.Id), $"{row.AgencyCode} {row.Result} {decidedOn:yyyy-MM-dd}", time);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row;
    }

    public static string Target(long id) => string.Create(CultureInfo.InvariantCulture, $"proceeding:{id}");

    public static View ViewOf(AgencyProceeding p) => new(p.Id, Label(p.Id), p.AgencyCode, p.Kind, p.Body, p.Subject, p.FiledOn, p.CopyReceivedOn, p.SimpleProcedure,
        p.ResponseDueOn, p.ReviewId, p.Result, p.DecidedOn, p.CreatedBy, p.CreatedAtUtc);

    private static string FieldLabelOf(ProceedingKind kind) => kind switch
    {
        ProceedingKind.Review => "行政复议",
        ProceedingKind.Lawsuit => "行政诉讼（未经复议直接起诉）",
        _ => "行政诉讼（复议后起诉）",
    };

    /// <summary>The agency the caller records for: given, existing, and one the caller may see (its own, or below it
    /// for the office).</summary>
    private static async Task<string> AgencyOfAsync(string? agency, ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(agency) ? user.Agency() : agency.Trim();
        if (string.IsNullOrEmpty(code)) throw new ValidationFailedException("agency", "必填：机关代码。");
        if (!await db.Agencies.AnyAsync(a => a.Code == code, ct)) throw new ValidationFailedException("agency", $"机关“{code}”不存在。");
        var visible = await AgencyTree.VisibleToAsync(user, db, ct);
        if (visible is not null && !visible.Contains(code)) throw new ForbiddenException($"无权为机关“{code}”登记或查看复议诉讼。");
        return code;
    }

    private sealed record State(ProceedingKind Kind, DateOnly FiledOn, ProceedingResult? Result, DateOnly? DecidedOn);

    private static State Snapshot(AgencyProceeding p) => new(p.Kind, p.FiledOn, p.Result, p.DecidedOn);

    /// <summary>What the proceeding adds to table 四 of <paramref name="year"/>, as the calculator counts it.</summary>
    private static string Table4Key(State? p, int year) =>
        p is null || p.FiledOn.Year != year ? ""
        : $"{p.Kind}:{(p.Result is { } r && p.DecidedOn is { } d && d <= new DateOnly(year, 12, 31) ? r.ToString() : ReportKeys.Pending)}";

    /// <summary>A locked report of the agency (or of one above it that includes subordinates) whose table 四 the change
    /// would alter refuses it, as a case's change is refused (<see cref="Reports.ReportLockGuard"/>).</summary>
    private static async Task EnsureNotLockedAsync(CaseFlowDbContext db, string agency, State? before, AgencyProceeding after, CancellationToken ct)
    {
        var locks = await db.ReportLocks.AsNoTracking().Where(l => l.UnlockedAtUtc == null).ToListAsync(ct);
        if (locks.Count == 0) return;
        var chain = AgencyTree.Chain(await AgencyTree.ParentsAsync(db, ct), agency);
        var now = Snapshot(after);
        foreach (var l in locks.Where(l => l.AgencyCode == agency || (l.Subordinates && chain.Contains(l.AgencyCode))))
            if (Table4Key(before, l.Year) != Table4Key(now, l.Year))
                throw new ReportLockedException(l.AgencyCode, l.Year, l.Subordinates, l.LockedBy, l.LockedAtUtc);
    }
}
