using System.Text.Json;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using static CaseFlow.Domain.Tests.Reports.ReportFixtures;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>The API serializes the report with the web defaults (camelCase properties, dictionary keys as is).</summary>
public class JsonShapeTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static AnnualReport Sample() => Compute(2023,
        [Case(1, NP, "2023-02-01", "2023-03-01", "Disclosed"), Case(2, Bus, "2022-12-01")],
        [Proceeding(1, ProceedingKind.Review, "2023-04-01")]);

    private static string[] Names(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void Property_names_and_key_order()
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(Sample(), Web));
        var root = doc.RootElement;
        Assert.Equal(["year", "agency", "table3", "table4", "table2", "fees", "extras", "checks"], Names(root));
        Assert.Equal(2023, root.GetProperty("year").GetInt32());

        var t3 = root.GetProperty("table3");
        Assert.Equal(["columns", "rows"], Names(t3)); // the case-id lists are not serialized
        Assert.Equal(["NaturalPerson", "Business", "Research", "PublicInterest", "LegalService", "OtherOrganisation", "Total"],
            t3.GetProperty("columns").EnumerateArray().Select(x => x.GetString()));
        var rowNames = Names(t3.GetProperty("rows"));
        Assert.Equal(25, rowNames.Length);
        Assert.Equal(["New", "CarriedIn", "Disclosed", "PartlyDisclosed", "Withheld.StateSecret"], rowNames[..5]);
        Assert.Equal(["Other.FeeUnpaid", "Other.Other", "ConcludedTotal", "CarriedOut"], rowNames[^4..]);
        Assert.Equal([0, 1, 0, 0, 0, 0, 1], t3.GetProperty("rows").GetProperty("CarriedIn").EnumerateArray().Select(x => x.GetInt32()));

        var t4 = root.GetProperty("table4");
        Assert.Equal(["Review", "LawsuitDirect", "LawsuitAfterReview"], Names(t4));
        Assert.Equal(["Upheld", "Corrected", "Other", "Pending", "Total"], Names(t4.GetProperty("Review")));
        Assert.Equal(1, t4.GetProperty("Review").GetProperty("Pending").GetInt32());

        Assert.Equal(["regulations", "normativeDocuments", "licensingDecisions", "penaltyDecisions", "enforcementDecisions", "feesTenThousandYuan"],
            Names(root.GetProperty("table2")));
        Assert.Equal(["issued", "repealed", "inForce"], Names(root.GetProperty("table2").GetProperty("regulations")));
        Assert.Equal(["notices", "notifiedYuan", "collectedYuan"], Names(root.GetProperty("fees")));
        Assert.Equal(["byChannel", "concludedOnTime", "concludedAfterExtension", "concludedLate", "convention"], Names(root.GetProperty("extras")));
        Assert.Contains("延期后仍逾期的计入逾期办结", root.GetProperty("extras").GetProperty("convention").GetString(), StringComparison.Ordinal);
        Assert.Equal(["InPerson", "RegisteredPost", "OrdinaryLetter", "Online", "Fax", "Email"],
            Names(root.GetProperty("extras").GetProperty("byChannel")));
        Assert.Equal(["name", "passed", "detail", "caseIds"], Names(root.GetProperty("checks")[0]));
    }

    [Fact]
    public void A_serialized_report_reads_back()
    {
        var json = JsonSerializer.Serialize(Sample(), Web);
        var back = JsonSerializer.Deserialize<AnnualReport>(json, Web)!;
        Assert.Equal(2023, back.Year);
        Assert.Equal([0, 1, 0, 0, 0, 0, 1], back.Table3.Rows["CarriedOut"]);
        Assert.Equal(1, back.Table4["Review"]["Total"]);
        Assert.Equal(14, back.Checks.Count);
        Assert.Equal(Table2.Empty, back.Table2);
    }
}
