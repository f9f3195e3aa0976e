namespace CaseFlow.Data.Agencies;

/// <summary>An agency (行政机关) that handles requests; agencies form a tree through <see cref="ParentCode"/>.</summary>
public class Agency
{
    public const int DefaultCorrectionPeriodWorkingDays = 15;

    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ParentCode { get; set; }
    public Agency? Parent { get; set; }
    public List<Agency> Children { get; } = [];
    public int CorrectionPeriodWorkingDays { get; set; } = DefaultCorrectionPeriodWorkingDays;
}
