namespace CaseFlow.Web.Features.Cases;

/// <summary>The journal's entries that are not actions of a workflow definition: written by the application itself, so
/// their names and Chinese labels are kept here, in one place (the workflow's actions take theirs from the definition).</summary>
public static class JournalActions
{
    public const string Register = "register";
    public const string ImportLedger = "importLedger";
    public const string ImportProceeding = "importProceeding";
    public const string RecomputeDueDates = "recomputeDueDates";
    public const string RevealIdDocument = "revealIdDocument";

    public static string? Label(string action) => action switch
    {
        Register => "登记申请",
        ImportLedger => "从台账导入",
        ImportProceeding => "导入复议诉讼记录",
        RecomputeDueDates => "节假日安排变更后重新计算期限",
        RevealIdDocument => "查看完整证件号码",
        _ => null,
    };
}
