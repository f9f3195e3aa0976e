namespace CaseFlow.Domain.Reports;

/// <summary>本年制发件数, 本年废止件数, 现行有效件数 of 规章 or 行政规范性文件 (table 二, 第二十条第（一）项).</summary>
public sealed record DocumentCounts(int Issued, int Repealed, int InForce)
{
    public static DocumentCounts Zero { get; } = new(0, 0, 0);
}

/// <summary>
/// Table 二 (主动公开), typed in by the office and kept per year (domain.md §5):
/// 第（一）项 规章 and 行政规范性文件; 第（五）项 行政许可; 第（六）项 行政处罚, 行政强制 (本年处理决定数量);
/// 第（八）项 行政事业性收费 (本年收费金额, 万元).
/// </summary>
public sealed record Table2(
    DocumentCounts Regulations,
    DocumentCounts NormativeDocuments,
    int LicensingDecisions,
    int PenaltyDecisions,
    int EnforcementDecisions,
    decimal FeesTenThousandYuan)
{
    public static Table2 Empty { get; } = new(DocumentCounts.Zero, DocumentCounts.Zero, 0, 0, 0, 0m);

    /// <summary>Every number must be present and non-negative; fields are camelCase JSON paths.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Counts(errors, "regulations", "规章", Regulations);
        Counts(errors, "normativeDocuments", "行政规范性文件", NormativeDocuments);
        NonNegative(errors, "licensingDecisions", "行政许可本年处理决定数量", LicensingDecisions);
        NonNegative(errors, "penaltyDecisions", "行政处罚本年处理决定数量", PenaltyDecisions);
        NonNegative(errors, "enforcementDecisions", "行政强制本年处理决定数量", EnforcementDecisions);
        if (FeesTenThousandYuan < 0)
            errors.Add(new FieldError("feesTenThousandYuan", "行政事业性收费本年收费金额（万元）不能为负数。"));
        return errors;
    }

    private static void Counts(List<FieldError> errors, string field, string label, DocumentCounts? counts)
    {
        if (counts is null)
        {
            errors.Add(new FieldError(field, $"须填写{label}的本年制发件数、本年废止件数和现行有效件数。"));
            return;
        }
        NonNegative(errors, field + ".issued", label + "本年制发件数", counts.Issued);
        NonNegative(errors, field + ".repealed", label + "本年废止件数", counts.Repealed);
        NonNegative(errors, field + ".inForce", label + "现行有效件数", counts.InForce);
    }

    private static void NonNegative(List<FieldError> errors, string field, string label, int value)
    {
        if (value < 0) errors.Add(new FieldError(field, $"{label}不能为负数。"));
    }
}
