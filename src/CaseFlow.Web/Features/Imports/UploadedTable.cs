using System.Globalization;
using System.Text;
using CaseFlow.Domain.Imports;
using CaseFlow.Web.Errors;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseFlow.Web.Features.Imports;

/// <summary>Turns an upload into a grid of strings: a raw CSV body (text/csv), or a multipart form with one file
/// field holding a .csv or .xlsx file. Scripts send the first, the web page the second.</summary>
public static class UploadedTable
{
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await ReadFormAsync(request, ct);
            if (form.Files.Count != 1) throw new ValidationFailedException("file", "请上传且只上传一个文件（.csv 或 .xlsx）。");
            var file = form.Files[0];
            // A name with control characters is no file a user picked: refuse it rather than log or echo it.
            if (file.FileName.Any(char.IsControl))
                throw new ValidationFailedException("file", "文件名含有控制字符，请改名后重新上传。");
            await using var stream = file.OpenReadStream();
            return await ReadFileAsync(stream, file.FileName, ct);
        }
        var type = request.ContentType ?? "";
        if (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/csv", StringComparison.OrdinalIgnoreCase))
            return ParseCsv(await ReadTextAsync(request.Body, ct));
        if (type.StartsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            return ReadXlsx(buffer);
        }
        throw new ValidationFailedException("Content-Type", "请以 text/csv 发送 CSV 正文，或以 multipart/form-data 上传一个 .csv 或 .xlsx 文件。");
    }

    /// <summary>The form, or a 400 naming what is wrong with it: a multipart body without a boundary, with a broken one,
    /// or with malformed part headers (the framework throws InvalidDataException or IOException for these).</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            throw new ValidationFailedException("file", "multipart/form-data 请求格式有误（缺少或错误的 boundary，或分段头无法解析）：请上传一个 .csv 或 .xlsx 文件。");
        }
        catch (IOException e) when (e is not BadHttpRequestException && !ct.IsCancellationRequested)
        {
            throw new ValidationFailedException("file", "multipart/form-data 请求体不完整（未找到结束的 boundary）：请重新上传。");
        }
    }

    /// <summary>A .csv or .xlsx file, by its name's extension.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ReadFileAsync(Stream stream, string fileName, CancellationToken ct)
    {
        switch (Path.GetExtension(fileName).ToLowerInvariant())
        {
            case ".csv":
                return ParseCsv(await ReadTextAsync(stream, ct));
            case ".xlsx":
                using (var buffer = new MemoryStream())
                {
                    await stream.CopyToAsync(buffer, ct); // OpenXml needs a seekable stream
                    buffer.Position = 0;
                    return ReadXlsx(buffer);
                }
            default:
                throw new ValidationFailedException("file", "只接受 .csv 或 .xlsx 文件。");
        }
    }

    private static async Task<string> ReadTextAsync(Stream stream, CancellationToken ct)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            throw new ValidationFailedException("file", "文件不是 UTF-8 编码（请在 Excel 中另存为“CSV UTF-8”）。");
        }
    }

    private static IReadOnlyList<IReadOnlyList<string>> ParseCsv(string text)
    {
        var result = Csv.Parse(text);
        if (result.Errors.Count > 0)
            throw new ValidationFailedException([.. result.Errors]);
        return result.Rows;
    }

    /// <summary>The first worksheet as text. Date cells (numbers in columns whose header ends with "_on") become
    /// YYYY-MM-DD, since Excel stores dates as serial numbers.</summary>
    private static IReadOnlyList<IReadOnlyList<string>> ReadXlsx(Stream stream)
    {
        try
        {
            using var doc = SpreadsheetDocument.Open(stream, false);
            var book = doc.WorkbookPart ?? throw new ValidationFailedException("file", "工作簿为空。");
            var sheet = book.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new ValidationFailedException("file", "工作簿没有工作表。");
            var part = (WorksheetPart)book.GetPartById(sheet.Id!);
            var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var rows = new List<IReadOnlyList<string>>();
            List<string>? header = null;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    // CellReference is optional in the format; without it cells are simply consecutive.
                    var index = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    while (cells.Count < index) cells.Add("");
                    var text = CellText(cell, shared);
                    if (header is not null && index < header.Count && header[index].EndsWith("_on", StringComparison.Ordinal) &&
                        cell.DataType is null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
                        text = DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    cells.Add(text);
                }
                header ??= [.. cells.Select(c => c.Trim())];
                rows.Add(cells);
            }
            return rows;
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new ValidationFailedException("file", "无法读取该 .xlsx 文件。");
        }
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var i) && i < shared.Count) return shared[i];
        return raw;
    }

    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n - 1;
    }
}
