namespace CaseFlow.Domain.Cases;

/// <summary>Texts of the art 30 rules that the API, the pages and the reminders share.</summary>
public static class CorrectionRules
{
    /// <summary>The warning shown before a correction notice goes out after the 7th working day (domain.md §2.2).</summary>
    public static string LateNoticeWarning(DateOnly noticeDueOn) =>
        $"补正告知期限（收到申请之日起7个工作日）已于 {noticeDueOn:yyyy-MM-dd} 届满。仍可发出补正告知书，但答复期限不因补正重新计算，" +
        "仍自收到申请之日起算（条例第三十条）。确认知悉后请勾选“知悉逾期告知”再发出。";
}
