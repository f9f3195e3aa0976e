using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Tests.Features.Imports;

/// <summary>Malformed multipart uploads to both imports: a 400 problem naming the file, and nothing imported.</summary>
public sealed class MalformedUploadTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Agency = "upload-agency";

    private const string Csv = """
        case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan
        U-1,自然人,甲,当面,2025-02-01,某文件,予以公开,2025-02-20,否,,

        """;

    public static TheoryData<string, string, string> Bodies => new()
    {
        // no boundary at all
        { "multipart/form-data", Part("b", "ledger.csv", Csv) + "--b--\r\n", "file" },
        // a boundary that the body never uses
        { "multipart/form-data; boundary=expected", Part("other", "ledger.csv", Csv) + "--other--\r\n", "file" },
        // the closing boundary missing: the body ends inside the file
        { "multipart/form-data; boundary=b", Part("b", "ledger.csv", Csv), "file" },
        // an empty boundary
        { "multipart/form-data; boundary=\"\"", Part("b", "ledger.csv", Csv) + "--b--\r\n", "file" },
        // control characters in the file name
        { "multipart/form-data; boundary=b", Part("b", "led\u0001ger\u0007.csv", Csv) + "--b--\r\n", "file" },
        { "multipart/form-data; boundary=b", Part("b", "ledger\r.csv", Csv) + "--b--\r\n", "file" },
        // a part without headers
        { "multipart/form-data; boundary=b", "--b\r\n\r\n" + Csv + "\r\n--b--\r\n", "file" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_upload_is_a_400_problem_and_imports_nothing(string contentType, string body, string field)
    {
        var office = await app.SignedInAsync("upload-office", "Office", Agency);
        foreach (var route in new[] { "ledger", "proceedings" })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);

            var problem = await (await office.PostAsync($"/api/import/{route}?agency={Agency}", content)).ReadProblemAsync(HttpStatusCode.BadRequest);

            Assert.NotEmpty(problem.FieldErrors(field));
        }
        var imported = -1;
        await app.WithDbAsync(async db => imported = await db.Cases.CountAsync(c => c.AgencyCode == Agency));
        Assert.Equal(0, imported);
    }

    [Fact]
    public async Task The_same_file_well_formed_is_imported()
    {
        const string agency = "upload-agency-ok";
        var office = await app.SignedInAsync("upload-office-ok", "Office", agency);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "ledger.csv");

        var result = await (await office.PostAsync($"/api/import/ledger?agency={agency}", form)).ReadJsonAsync();

        Assert.Equal(1, (int)result["imported"]!);
    }

    [Theory]
    [InlineData("9999-12-31", "received_on")]
    [InlineData("0001-01-01", "received_on")]
    [InlineData("2008-04-30", "received_on")]
    [InlineData("2026-03-03", "received_on")] // the day after today (the test clock: 2026-03-02)
    public async Task A_ledger_date_outside_the_legal_window_is_refused(string date, string column)
    {
        const string agency = "upload-agency-dates";
        var office = await app.SignedInAsync("upload-office-dates", "Office", agency);
        var csv = Csv.Replace("2025-02-01,某文件,予以公开,2025-02-20", $"{date},某文件,,", StringComparison.Ordinal);
        Assert.NotEqual(Csv, csv);

        var problem = await (await office.PostAsync($"/api/import/ledger?agency={agency}", new StringContent(csv, Encoding.UTF8, "text/csv")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors($"rows[2].{column}"));
    }

    private static string Part(string boundary, string fileName, string content) =>
        $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: text/csv\r\n\r\n{content}\r\n";
}
