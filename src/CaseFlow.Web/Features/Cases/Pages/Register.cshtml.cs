using System.Globalization;
using CaseFlow.Data;
using CaseFlow.Domain.Cases;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>/cases/new — registration through the code of POST /api/cases (<see cref="RegisterRequest"/>): the same
/// validation, the same transaction. The form keeps what was typed when it is refused.</summary>
[Authorize(Roles = $"{Roles.Officer},{Roles.Office}")]
public sealed class RegisterModel(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, WriteGate writes, TimeProvider time) : PageModel
{
    public sealed class Form
    {
        public string? Agency { get; set; }
        public string? Channel { get; set; }
        public string? SubmittedOn { get; set; }
        public string? ConfirmedOn { get; set; }
        public string? ArrivedAt { get; set; }
        public string? ApplicantKind { get; set; }
        public string? OrganisationType { get; set; }
        public string? ApplicantName { get; set; }
        public string? IdDocumentNumber { get; set; }
        public string? Contact { get; set; }
        public string? Email { get; set; }
        public string? Address { get; set; }
        public string? RequestedInformation { get; set; }
        /// <summary>The items (事项), one per line; blank lines are dropped.</summary>
        public string? Items { get; set; }
        public string? RequestedForm { get; set; }
        public string? DeliveryChannel { get; set; }
    }

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["channel"] = "收到渠道", ["submittedOn"] = "提交或到达日期", ["confirmedOn"] = "确认日期", ["arrivedAt"] = "到达时间",
        ["applicantKind"] = "申请人类型", ["organisationType"] = "组织类型", ["applicantName"] = "申请人姓名或名称",
        ["idDocumentNumber"] = "证件号码", ["contact"] = "联系方式", ["email"] = "电子邮件", ["address"] = "通信地址",
        ["requestedInformation"] = "申请公开的政府信息", ["items"] = "申请事项", ["requestedForm"] = "获取信息的方式", ["deliveryChannel"] = "送达方式",
        ["agency"] = "登记机关", ["body"] = "表单",
    };

    // The API names its enum codes; the page offers lists, so it says which list to use instead.
    private static readonly IReadOnlyDictionary<string, string> PageMessages = new Dictionary<string, string>
    {
        ["channel"] = "请选择收到申请的渠道。",
        ["applicantKind"] = "请选择申请人类型。",
    };

    [BindProperty] public Form Input { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public (FormErrors, Func<string, string?>, Func<string, string>) Summary =>
        (Errors, f => Labels.ContainsKey(f) && f != "body" && (f != "agency" || Agencies.Count > 0) ? f : null, f => Labels.GetValueOrDefault(f, f));

    /// <summary>The agencies the user may register for, when there is a choice (the office: its agency and those below).</summary>
    public IReadOnlyList<(string Code, string Name)> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAgenciesAsync(ct);

    private async Task LoadAgenciesAsync(CancellationToken ct)
    {
        var visible = await Features.Agencies.AgencyTree.VisibleToAsync(User, db, ct);
        if (visible is { Count: <= 1 }) return;
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).ToListAsync(ct);
        Agencies = [.. all.Where(a => visible is null || visible.Contains(a.Code)).Select(a => (a.Code, a.Name))];
        Input.Agency ??= Auth.AuthSetup.Agency(User);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        var body = Parse(Input, Errors);
        if (Errors.Any) return Page();
        try
        {
            var result = await RegisterRequest.Handle(body, User, db, engine, calendars, writes, time, ct);
            return Redirect($"/cases/{((Created<CaseDetail>)result).Value!.Id}");
        }
        catch (ValidationFailedException e)
        {
            foreach (var err in e.Errors)
            {
                var friendly = err.Field == "organisationType" && err.Message.StartsWith("法人", StringComparison.Ordinal) ? "法人或其他组织须选择组织类型。"
                    : PageMessages.GetValueOrDefault(err.Field) ?? err.Message;
                // The API names the line ("items[2]"); the page has one box for all lines.
                if (err.Field.StartsWith("items[", StringComparison.Ordinal) && int.TryParse(err.Field[6..^1], out var line))
                    Errors.Add("items", $"第{line + 1}个事项：{err.Message}");
                else Errors.Add(err.Field, friendly);
            }
        }
        catch (ForbiddenException e)
        {
            if (Agencies.Count > 0) Errors.Add("agency", e.Message);
            else Errors.General.Add(e.Message);
        }
        return Page();
    }

    private static RegisterRequest.Body Parse(Form f, FormErrors errors)
    {
        T? Enum<T>(string? raw, string field) where T : struct, System.Enum
        {
            if (string.IsNullOrWhiteSpace(raw)) return null;
            if (System.Enum.TryParse<T>(raw, out var v) && System.Enum.IsDefined(v)) return v;
            errors.Add(field, "请从列表中选择。");
            return null;
        }
        DateOnly? Date(string? raw, string field)
        {
            if (string.IsNullOrWhiteSpace(raw)) return null;
            if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors.Add(field, "请填写存在的日期，格式为 YYYY-MM-DD。");
            return null;
        }
        DateTime? arrived = null;
        if (!string.IsNullOrWhiteSpace(f.ArrivedAt))
        {
            // datetime-local is the wall clock of the office: China time.
            if (DateTime.TryParseExact(f.ArrivedAt.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                arrived = DateTime.SpecifyKind(local.AddHours(-8), DateTimeKind.Utc);
            else errors.Add("arrivedAt", "请填写日期和时间。");
        }
        return new RegisterRequest.Body(Blank(f.Agency), Enum<Channel>(f.Channel, "channel"), Date(f.SubmittedOn, "submittedOn"), Date(f.ConfirmedOn, "confirmedOn"), arrived,
            Enum<ApplicantKind>(f.ApplicantKind, "applicantKind"), Enum<ApplicantColumn>(f.OrganisationType, "organisationType"),
            Blank(f.ApplicantName), Blank(f.IdDocumentNumber), Blank(f.Contact), Blank(f.Email), Blank(f.Address), Blank(f.RequestedInformation),
            Blank(f.RequestedForm), Blank(f.DeliveryChannel),
            f.Items is null ? null : [.. f.Items.Split('\n').Select(x => x.Trim()).Where(x => x.Length > 0)]);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
