using System.Net;
using System.Net.Http.Headers;
using CaseFlow.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseFlow.Web.Tests.Features.Reports;

/// <summary>The web page's path: a multipart upload of an .xlsx ledger, with a date stored as an Excel serial number.</summary>
[Trait("TimeZone", "Sensitive")]
public sealed class XlsxImportTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_xlsx_ledger_uploaded_as_a_form_file_is_imported()
    {
        await app.EnsureAgencyAsync("xlsx-agency");
        var office = await app.SignedInAsync("xlsx-office", "Office", "xlsx-agency");
        // 45000 is Excel's serial for 2023-03-15
        var bytes = Workbook(
            ["case_no", "applicant_kind", "applicant_name", "channel", "received_on", "summary", "outcome", "concluded_on", "extended", "fee_notified_yuan", "fee_paid_yuan"],
            ["X-1", "自然人", "张三", "当面", 45000, "某文件", "予以公开", "2023-03-20", "否", "", ""]);

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "台账.xlsx");
        var result = await (await office.PostAsync("/api/import/ledger?agency=xlsx-agency", form)).ReadJsonAsync();
        Assert.Equal(1, (int)result["imported"]!);

        var cell = await (await office.GetAsync("/api/reports/annual/2023/cells/Disclosed/NaturalPerson?agency=xlsx-agency")).ReadJsonAsync();
        Assert.Equal("2023-03-15", (string?)cell["cases"]![0]!["receivedOn"]);

        using var two = new MultipartFormDataContent { { new ByteArrayContent(bytes), "a", "a.xlsx" }, { new ByteArrayContent(bytes), "b", "b.xlsx" } };
        var problem = await (await office.PostAsync("/api/import/ledger?agency=xlsx-agency", two)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("file"));
    }

    private static byte[] Workbook(params object[][] rows)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheetPart = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var values in rows)
                data.Append(new Row(values.Select(v => v is int n
                    ? new Cell { CellValue = new CellValue(n), DataType = null }
                    : new Cell { InlineString = new InlineString(new Text((string)v)), DataType = CellValues.InlineString })));
            sheetPart.Worksheet = new Worksheet(data);
            book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = "台账" }));
        }
        return stream.ToArray();
    }
}
