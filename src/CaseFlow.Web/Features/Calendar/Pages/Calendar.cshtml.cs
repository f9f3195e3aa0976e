using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseFlow.Data;
using CaseFlow.Data.Calendar;
using CaseFlow.Domain;
using CaseFlow.Domain.Calendar;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Cases.Pages;
using CaseFlow.Web.Hosting;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Calendar.Pages;

/// <summary>/admin/calendar?year=&amp;agency= — a year of the working-day calendar as twelve month grids (GET
/// /api/calendar/{year}), the form that loads a year's State Council notice (PUT /api/calendar/{year}) and the form
/// that adds an agency's local day off (the same PUT with <c>agency</c>, through <see cref="LocalDaysOff"/>).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed partial class CalendarModel(CaseFlowDbContext db, CalendarProvider calendars, IEnumerable<ICalendarChangeListener> listeners, TimeProvider time) : PageModel
{
    public sealed class NoticeForm
    {
        public string? Source { get; set; }
        public string? DaysOff { get; set; }
        public string? MakeUpWorkdays { get; set; }
    }

    public sealed class LocalForm
    {
        public string? Agency { get; set; }
        public string? Name { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
    }

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["year"] = "年份", ["agency"] = "显示本地放假日的机关", ["source"] = "通知名称或文号", ["daysOff"] = "放假安排", ["makeUpWorkdays"] = "调休上班日",
        ["localAgency"] = "机关", ["localName"] = "放假名称", ["localFrom"] = "开始日期", ["localTo"] = "结束日期",
    };

    public static readonly IReadOnlyDictionary<string, string> Saved = new Dictionary<string, string>
    {
        ["notice"] = "已保存全国节假日安排；在办案件的期限已按新日历重新计算。",
        ["local"] = "已增加本地放假日；该机关及其下级机关在办案件的期限已重新计算。",
        ["removed"] = "已删除该本地放假日；相关在办案件的期限已重新计算。",
    };

    [FromQuery(Name = "year")] public string? YearText { get; set; }
    [FromQuery(Name = "agency")] public string? Agency { get; set; }
    [FromQuery(Name = "saved")] public string? SavedKey { get; set; }

    [BindProperty] public NoticeForm Notice { get; set; } = new();
    [BindProperty] public LocalForm Local { get; set; } = new();

    public int Year { get; private set; }
    public FormErrors Errors { get; } = new();
    public GetCalendarYear.Response Data { get; private set; } = null!;
    public IReadOnlyDictionary<DateOnly, GetCalendarYear.Day> Marks { get; private set; } = new Dictionary<DateOnly, GetCalendarYear.Day>();
    public IReadOnlyList<DayOffRange> NationalRanges { get; private set; } = [];
    public IReadOnlyList<DateOnly> NationalMakeUp { get; private set; } = [];
    public string? NationalSource { get; private set; }
    public IReadOnlyList<(string Agency, DayOffRange Range)> LocalRanges { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name, int Depth)> Agencies { get; private set; } = [];
    public IReadOnlyDictionary<string, string> AgencyNames { get; private set; } = new Dictionary<string, string>();

    public (FormErrors, Func<string, string?>, Func<string, string>) Summary =>
        (Errors, f => Labels.ContainsKey(f) ? f : null, f => Labels.GetValueOrDefault(f, f));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(prefillNotice: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostNoticeAsync(CancellationToken ct)
    {
        Year = ParseYear();
        var lines = new List<int>();
        var ranges = ParseRanges(Notice.DaysOff, lines);
        var makeUp = ParseDates(Notice.MakeUpWorkdays, "makeUpWorkdays");
        if (!Errors.Any)
        {
            try
            {
                var body = new PutCalendarYear.Body(string.IsNullOrWhiteSpace(Notice.Source) ? null : Notice.Source.Trim(),
                    [.. ranges.Select(r => new PutCalendarYear.DayOffBody(r.Name, r.From, r.To))], makeUp);
                await PutCalendarYear.Handle(Year, null, body, User, db, calendars, listeners, time, ct);
                return Redirect($"/admin/calendar?year={Year}&saved=notice");
            }
            catch (ValidationFailedException e)
            {
                foreach (var err in e.Errors) Errors.Add(NoticeField(err.Field, lines, makeUp), LinePrefix(err.Field, lines, makeUp) + err.Message);
            }
        }
        await LoadAsync(prefillNotice: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLocalAsync(CancellationToken ct)
    {
        Year = ParseYear();
        var agency = Local.Agency?.Trim();
        if (string.IsNullOrEmpty(agency)) Errors.Add("localAgency", "请选择机关。");
        var name = string.IsNullOrWhiteSpace(Local.Name) ? null : Local.Name.Trim();
        var from = ParseDate(Local.From, "localFrom", required: true);
        var to = string.IsNullOrWhiteSpace(Local.To) ? from : ParseDate(Local.To, "localTo", required: false);
        if (!Errors.Any)
        {
            var index = (await LocalDaysOff.ReadAsync(db, Year, agency!, ct)).Count;
            try
            {
                await LocalDaysOff.AddAsync(Year, agency!, new DayOffRange(name, from!.Value, to!.Value), User, db, calendars, listeners, time, ct);
                return Redirect($"/admin/calendar?year={Year}&agency={Uri.EscapeDataString(agency!)}&saved=local");
            }
            catch (ValidationFailedException e)
            {
                foreach (var err in e.Errors) Errors.Add(LocalField(err.Field, index), err.Message);
            }
        }
        await LoadAsync(prefillNotice: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveLocalAsync(string? removeAgency, string? removeFrom, string? removeTo, CancellationToken ct)
    {
        Year = ParseYear();
        if (removeAgency is { Length: > 0 } &&
            DateOnly.TryParseExact(removeFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) &&
            DateOnly.TryParseExact(removeTo, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) &&
            await LocalDaysOff.RemoveAsync(Year, removeAgency, from, to, User, db, calendars, listeners, time, ct))
            return Redirect($"/admin/calendar?year={Year}&saved=removed");
        Errors.General.Add("该本地放假日已不存在（可能已被他人删除）。");
        await LoadAsync(prefillNotice: true, ct);
        return Page();
    }

    private int ParseYear()
    {
        var today = ChinaTime.Today(time).Year;
        if (string.IsNullOrWhiteSpace(YearText)) return today;
        if (int.TryParse(YearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= Input.MinDate.Year && y <= Input.MaxDate.Year) return y;
        Errors.Add("year", $"年份须为 {Input.MinDate.Year}–{Input.MaxDate.Year} 之间的整数，已显示 {today} 年。");
        return today;
    }

    private async Task LoadAsync(bool prefillNotice, CancellationToken ct)
    {
        if (Year == 0) Year = ParseYear();
        var agencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        AgencyNames = agencyNames;
        if (Agency is { Length: > 0 } && !agencyNames.ContainsKey(Agency))
        {
            Errors.Add("agency", $"机关代码“{Agency}”不存在，已显示全国安排。");
            Agency = null;
        }
        Data = await GetCalendarYear.Handle(Year, string.IsNullOrEmpty(Agency) ? null : Agency, db, calendars, ct);
        var inYear = Data.Days.Where(d => d.Date.Year == Year && (Agency is { Length: > 0 } || d.Source == CalendarSource.National));
        // A local day off on a national one shows as national; either way the day is off.
        Marks = inYear.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Source).First());

        var national = await db.CalendarDays.AsNoTracking().Where(d => d.NoticeYear == Year && d.Source == CalendarSource.National).ToListAsync(ct);
        var notice = CalendarRows.ToNotice(Year, null, national);
        NationalRanges = notice.DaysOff;
        NationalMakeUp = notice.MakeUpWorkdays;
        var last = await db.CalendarChanges.AsNoTracking().Where(c => c.Year == Year && c.AgencyCode == CalendarChange.National)
            .OrderByDescending(c => c.Version).Select(c => c.AfterJson).FirstOrDefaultAsync(ct);
        NationalSource = last is null ? null : JsonSerializer.Deserialize<CalendarYearNotice>(last, JsonDefaults.Options)?.Source;
        LocalRanges = await LocalDaysOff.ReadAllAsync(db, Year, ct);
        Agencies = await Users.Pages.AgencyOptions.LoadAsync(db, ct);

        if (prefillNotice && national.Count > 0)
        {
            Notice.Source = NationalSource;
            Notice.DaysOff = string.Join("\n", NationalRanges.Select(RangeLine));
            Notice.MakeUpWorkdays = string.Join(" ", NationalMakeUp.Select(d => Display.Date(d)));
        }
    }

    public static string RangeLine(DayOffRange r) =>
        $"{r.Name ?? "放假"} {Display.Date(r.From)}{(r.To == r.From ? "" : " " + Display.Date(r.To))}";

    public static string RangeText(DayOffRange r) =>
        r.To == r.From ? Display.DateWithWeekday(r.From) : $"{Display.DateWithWeekday(r.From)} 至 {Display.DateWithWeekday(r.To)}（{r.To.DayNumber - r.From.DayNumber + 1} 天）";

    // ---- parsing the notice form: one range a line, "名称 开始日期 [结束日期]"; make-up days separated by spaces or commas.

    [GeneratedRegex(@"\d{4}-\d{1,2}-\d{1,2}")]
    private static partial Regex DatePattern();

    private List<DayOffRange> ParseRanges(string? text, List<int> lines)
    {
        var ranges = new List<DayOffRange>();
        var all = (text ?? "").Replace("\r", "").Split('\n');
        for (var i = 0; i < all.Length; i++)
        {
            var line = all[i].Trim();
            if (line.Length == 0) continue;
            var matches = DatePattern().Matches(line);
            if (matches.Count is 0 or > 2)
            {
                Errors.Add("daysOff", $"第 {i + 1} 行：须写成“名称 开始日期 结束日期”，例如“春节 2027-02-06 2027-02-13”（一天的假期只写一个日期）。");
                continue;
            }
            var name = line[..matches[0].Index].Trim(' ', '　', ':', '：', ',', '，', '、');
            var dates = matches.Select(m => ParseDate(m.Value, "daysOff", required: true, $"第 {i + 1} 行：")).ToList();
            if (dates.Any(d => d is null)) continue;
            if (name.Length > 50)
            {
                Errors.Add("daysOff", $"第 {i + 1} 行：名称不能超过 50 个字符。");
                continue;
            }
            ranges.Add(new DayOffRange(name.Length == 0 ? null : name, dates[0]!.Value, dates[^1]!.Value));
            lines.Add(i + 1);
        }
        if (ranges.Count == 0 && !Errors.Has("daysOff")) Errors.Add("daysOff", "请至少填写一段放假安排。");
        return ranges;
    }

    private List<DateOnly> ParseDates(string? text, string field)
    {
        var dates = new List<DateOnly>();
        foreach (var token in (text ?? "").Split([' ', '　', ',', '，', '、', ';', '；', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
            if (ParseDate(token, field, required: true) is { } d) dates.Add(d);
        return dates;
    }

    private DateOnly? ParseDate(string? raw, string field, bool required, string prefix = "")
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (required) Errors.Add(field, prefix + "请填写日期，格式为 YYYY-MM-DD。");
            return null;
        }
        if (DateOnly.TryParseExact(raw.Trim(), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Errors.Add(field, $"{prefix}“{raw.Trim()}”不是存在的日期，格式须为 YYYY-MM-DD。");
        return null;
    }

    // ---- the handler's field names (daysOff[2].to, makeUpWorkdays[0]) back to the form's fields and lines.

    [GeneratedRegex(@"^(daysOff|makeUpWorkdays)\[(\d+)\]")]
    private static partial Regex IndexedField();

    private static string NoticeField(string field, List<int> lines, List<DateOnly> makeUp) =>
        IndexedField().Match(field) is { Success: true } m ? m.Groups[1].Value : field is "source" or "daysOff" or "makeUpWorkdays" ? field : "year";

    private static string LinePrefix(string field, List<int> lines, List<DateOnly> makeUp)
    {
        var m = IndexedField().Match(field);
        if (!m.Success) return "";
        var i = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return m.Groups[1].Value == "daysOff"
            ? (i < lines.Count ? $"第 {lines[i]} 行：" : "")
            : (i < makeUp.Count ? $"{Display.Date(makeUp[i])}：" : "");
    }

    private static string LocalField(string field, int index) =>
        field == "agency" ? "localAgency"
        : field.StartsWith($"daysOff[{index}].to", StringComparison.Ordinal) ? "localTo"
        : field.StartsWith($"daysOff[{index}].name", StringComparison.Ordinal) ? "localName"
        : field.StartsWith($"daysOff[{index}]", StringComparison.Ordinal) ? "localFrom"
        : "localFrom";
}
